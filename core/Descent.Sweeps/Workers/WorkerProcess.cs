using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Descent.Sweeps.Workers;

/// <summary>
/// One worker process as the coordinator sees it: started at once (it loads its plugins while the
/// coordinator does other work), its protocol lines read on a thread of their own into a queue of
/// <see cref="WorkerEvent"/>s, its standard error kept in a <see cref="StderrTail"/>.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly BlockingCollection<WorkerEvent> events = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Stream input;

    private WorkerProcess(Process process)
    {
        this.process = process;
        input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Stderr.Add(line.Data);
            }
        };
        process.BeginErrorReadLine();
        new Thread(ReadProtocol) { IsBackground = true, Name = $"descent-worker-{process.Id}" }.Start();
    }

    /// <summary>What the worker wrote to its standard error during the current trial.</summary>
    public StderrTail Stderr { get; } = new();

    /// <summary>Seconds since the process was started.</summary>
    public double Elapsed => clock.Elapsed.TotalSeconds;

    /// <summary>True once the worker said it is ready.</summary>
    public bool Ready { get; private set; }

    /// <summary>Seconds from the start of the process to its <c>ready</c> line; null until then.</summary>
    public double? StartupSeconds { get; private set; }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>The process id.</summary>
    public int Id => process.Id;

    /// <summary>Starts a worker.</summary>
    /// <exception cref="SweepException">The program could not be started.</exception>
    public static WorkerProcess Start(WorkerLaunch launch)
    {
        var start = new ProcessStartInfo(launch.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (string argument in launch.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A crashing worker must not spend seconds writing a dump; the coordinator reports the crash.
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        // Profile-guided tiering instruments the first calls of every method: a worker's trials are short and its
        // code starts cold, so the instrumentation costs more than it returns (measured: about 10% of a ch7 sweep).
        start.Environment["DOTNET_TieredPGO"] = "0";
        try
        {
            var process = Process.Start(start) ?? throw new SweepException($"could not start a worker process ({launch.FileName})");
            return new WorkerProcess(process);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SweepException($"could not start a worker process ({launch.FileName} {string.Join(' ', launch.Arguments)}): {e.Message}; run trials in this process with --in-process");
        }
    }

    /// <summary>Sends a protocol line; false when the worker is gone.</summary>
    public bool Send(byte[] line)
    {
        try
        {
            input.Write(line);
            input.Flush();
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>The next event within <paramref name="timeout"/> (infinite: <see cref="Timeout.InfiniteTimeSpan"/>), or null.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public WorkerEvent? Next(TimeSpan timeout, CancellationToken cancellation)
    {
        if (events.IsCompleted)
        {
            return new WorkerEvent(null, default, Elapsed);
        }

        try
        {
            return events.TryTake(out var next, (int)Math.Min(int.MaxValue, timeout == Timeout.InfiniteTimeSpan ? -1 : Math.Max(0, timeout.TotalMilliseconds)), cancellation) ? next : null;
        }
        catch (InvalidOperationException)
        {
            // Completed while waiting: the stream ended.
            return new WorkerEvent(null, default, Elapsed);
        }
    }

    /// <summary>Waits for the worker's <c>ready</c>; false when it exited or did not answer in time.</summary>
    public bool WaitReady(TimeSpan limit, CancellationToken cancellation)
    {
        if (Ready)
        {
            return true;
        }

        var next = Next(limit, cancellation);
        if (next is { Type: WorkerMessages.Ready })
        {
            Ready = true;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The most resident memory the worker has held since it started (Linux: <c>VmHWM</c>, which a spike between two
    /// reads does not escape), or null once it has exited.
    /// </summary>
    public long? PeakResidentBytes()
    {
        try
        {
            process.Refresh();
            return process.HasExited ? null : process.PeakWorkingSet64;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return null;
        }
    }

    /// <summary>Kills the worker (and anything it started) and waits for it to be gone.</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        WaitForExit(TimeSpan.FromSeconds(5));
    }

    /// <summary>The exit code once the worker has exited (128 + N for signal N on Unix), or null while it still runs.</summary>
    public int? WaitForExit(TimeSpan limit)
    {
        if (!process.WaitForExit(limit))
        {
            return null;
        }

        // The overload with a limit may return before the last lines of standard error were read; this one waits for them.
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Closes the worker's input (it exits), kills it when it has not gone within a second.</summary>
    public void Dispose()
    {
        try
        {
            input.Dispose();
        }
        catch (IOException)
        {
            // The pipe is already broken: the worker is gone.
        }

        if (!process.WaitForExit(1000))
        {
            Kill();
        }

        process.Dispose();
    }

    private void ReadProtocol()
    {
        try
        {
            using var lines = new StreamReader(process.StandardOutput.BaseStream, new UTF8Encoding(false));
            while (lines.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                JsonElement message;
                try
                {
                    message = JsonDocument.Parse(line).RootElement.Clone();
                }
                catch (JsonException)
                {
                    // Not ours (something wrote to the protocol stream): keep it with the worker's errors.
                    Stderr.Add(line);
                    continue;
                }

                string type = message.GetProperty("type").GetString() ?? "";
                if (type == WorkerMessages.Ready)
                {
                    StartupSeconds ??= Elapsed;
                }

                events.Add(new WorkerEvent(type, message, Elapsed));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The stream broke: treat as its end.
        }

        events.CompleteAdding();
    }
}
