using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;

namespace Descent.Tracking.Recording;

/// <summary>
/// The bounded queue between the training thread and the recorder's background worker. Adding never
/// blocks and never drops: when the in-memory queue is full (the store is slow or retrying), records
/// go on to a spill file on local disk, and keep going there for the rest of the run so that the
/// worker reads them in the order they were added (memory first, then the file).
/// </summary>
internal sealed class RecordQueue : IDisposable
{
    private static readonly JsonSerializerOptions SpillJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private static readonly TimeSpan SpillPoll = TimeSpan.FromMilliseconds(20);

    private readonly Channel<Record> memory;
    private readonly object gate = new();
    private readonly string spillPath;
    private StreamWriter? spillWriter;
    private StreamReader? spillReader;
    private volatile bool spilling;
    private volatile bool completed;
    private long spilled;
    private long spillRead;
    private Task<bool>? memoryWait;

    public RecordQueue(int capacity, string spillDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        memory = Channel.CreateBounded<Record>(new BoundedChannelOptions(capacity)
        {
            SingleReader = false,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        spillPath = Path.Combine(spillDirectory, $"descent-spill-{Guid.NewGuid():N}.jsonl");
    }

    /// <summary>Records that went to the spill file because memory was full.</summary>
    public long Spilled => Interlocked.Read(ref spilled);

    /// <summary>Adds a record; never blocks on the store.</summary>
    public void Add(Record record)
    {
        if (completed)
        {
            throw new InvalidOperationException("the run is finishing; it takes no more records");
        }

        if (!spilling && memory.Writer.TryWrite(record))
        {
            return;
        }

        lock (gate)
        {
            spilling = true;
            if (spillWriter is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(spillPath)!);
                spillWriter = new StreamWriter(new FileStream(spillPath, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false));
            }

            spillWriter.WriteLine(JsonSerializer.Serialize(SpilledRecord.From(record), SpillJson));
            spillWriter.Flush();
            spilled++;
        }
    }

    /// <summary>No more records will be added.</summary>
    public void Complete()
    {
        completed = true;
        memory.Writer.TryComplete();
    }

    /// <summary>Waits until a record can be read (true) or the queue is completed and empty (false).</summary>
    public async ValueTask<bool> WaitToReadAsync(CancellationToken cancellation)
    {
        while (true)
        {
            if (memory.Reader.Count > 0 || HasSpilledUnread())
            {
                return true;
            }

            if (spilling)
            {
                if (completed && memory.Reader.Count == 0 && !HasSpilledUnread())
                {
                    return false;
                }

                await Task.Delay(SpillPoll, cancellation).ConfigureAwait(false);
                continue;
            }

            // Wait for memory, but look again now and then: the producer may have started spilling.
            memoryWait ??= memory.Reader.WaitToReadAsync(cancellation).AsTask();
            if (await Task.WhenAny(memoryWait, Task.Delay(SpillPoll, cancellation)).ConfigureAwait(false) == memoryWait)
            {
                bool more = await memoryWait.ConfigureAwait(false);
                memoryWait = null;
                if (!more)
                {
                    return HasSpilledUnread();
                }
            }
        }
    }

    /// <summary>The next record in order, if one is there.</summary>
    public bool TryRead(out Record record)
    {
        if (memory.Reader.TryRead(out record))
        {
            return true;
        }

        lock (gate)
        {
            if (spillRead >= spilled)
            {
                return false;
            }

            spillWriter!.Flush();
            spillReader ??= new StreamReader(new FileStream(spillPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Encoding.UTF8);
            string line = spillReader.ReadLine() ?? throw new IOException($"spill file {spillPath} ended before record {spillRead + 1}");
            record = JsonSerializer.Deserialize<SpilledRecord>(line, SpillJson)!.ToRecord();
            spillRead++;
            return true;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            spillWriter?.Dispose();
            spillReader?.Dispose();
            if (spillWriter is not null)
            {
                File.Delete(spillPath);
            }
        }
    }

    private bool HasSpilledUnread() => Interlocked.Read(ref spillRead) < Interlocked.Read(ref spilled);

    /// <summary>A record as one JSON line of the spill file.</summary>
    private sealed record SpilledRecord(RecordKind Kind, string Key, string? Text, double Value, long Timestamp, long Step)
    {
        public static SpilledRecord From(Record r) => new(r.Kind, r.Key, r.Text, r.Value, r.Timestamp, r.Step);

        public Record ToRecord() => new(Kind, Key, Text, Value, Timestamp, Step);
    }
}
