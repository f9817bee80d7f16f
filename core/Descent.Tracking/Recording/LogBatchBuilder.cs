using System.Text.Encodings.Web;
using System.Text.Json;
using Descent.Tracking.Model;

namespace Descent.Tracking.Recording;

/// <summary>
/// Fills one <c>log-batch</c> request up to MLflow's limits (<see cref="MlflowLimits"/>): at most 1000
/// metrics, 100 params, 100 tags, 1000 items, and a body under 1 000 000 bytes (measured as the JSON
/// encoder will write it, with room for the largest numbers). A tag set twice in one batch keeps its
/// last value, in place.
/// </summary>
public sealed class LogBatchBuilder
{
    /// <summary>Room left for the envelope: <c>{"run_id":"...","metrics":[],"params":[],"tags":[]}</c>.</summary>
    private const int EnvelopeBytes = 1024;

    /// <summary><c>{"key":"","value":,"timestamp":,"step":},</c> plus the longest value, timestamp and step.</summary>
    private const int MetricOverheadBytes = 43 + 24 + 20 + 20;

    /// <summary><c>{"key":"","value":""},</c>.</summary>
    private const int KeyValueOverheadBytes = 22;

    private readonly List<Metric> metrics = [];
    private readonly List<Param> parameters = [];
    private readonly List<RunTag> tags = [];
    private readonly Dictionary<string, int> tagIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> keyBytes = new(StringComparer.Ordinal);
    private readonly int byteBudget;
    private long bytes;

    /// <summary>A builder for MLflow's limits; <paramref name="byteBudget"/> lowers the body limit (tests).</summary>
    public LogBatchBuilder(int byteBudget = MlflowLimits.BatchBytes)
    {
        this.byteBudget = byteBudget - EnvelopeBytes;
    }

    /// <summary>Items in the batch so far.</summary>
    public int Count => metrics.Count + parameters.Count + tags.Count;

    /// <summary>True when nothing was added since the last <see cref="Build"/>.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Adds a metric; false (and nothing added) when it does not fit.</summary>
    public bool TryAdd(Metric metric)
    {
        long size = MetricOverheadBytes + KeyBytes(metric.Key);
        if (metrics.Count >= MlflowLimits.MetricsPerBatch || !Fits(size))
        {
            return false;
        }

        metrics.Add(metric);
        bytes += size;
        return true;
    }

    /// <summary>Adds a param; false when it does not fit.</summary>
    public bool TryAdd(Param param)
    {
        long size = KeyValueOverheadBytes + KeyBytes(param.Key) + JsonBytes(param.Value);
        if (parameters.Count >= MlflowLimits.ParamsPerBatch || !Fits(size))
        {
            return false;
        }

        parameters.Add(param);
        bytes += size;
        return true;
    }

    /// <summary>Adds a tag, or replaces the value of the same tag in this batch; false when it does not fit.</summary>
    public bool TryAdd(RunTag tag)
    {
        long size = KeyValueOverheadBytes + KeyBytes(tag.Key) + JsonBytes(tag.Value);
        if (tagIndex.TryGetValue(tag.Key, out int index))
        {
            long grown = size - (KeyValueOverheadBytes + KeyBytes(tag.Key) + JsonBytes(tags[index].Value));
            if (bytes + grown > byteBudget)
            {
                return false;
            }

            tags[index] = tag;
            bytes += grown;
            return true;
        }

        if (tags.Count >= MlflowLimits.TagsPerBatch || !Fits(size))
        {
            return false;
        }

        tagIndex[tag.Key] = tags.Count;
        tags.Add(tag);
        bytes += size;
        return true;
    }

    /// <summary>The batch; the builder starts empty again.</summary>
    public LogBatch Build()
    {
        var batch = new LogBatch(metrics.ToArray(), parameters.ToArray(), tags.ToArray());
        metrics.Clear();
        parameters.Clear();
        tags.Clear();
        tagIndex.Clear();
        bytes = 0;
        return batch;
    }

    /// <summary>Splits records into batches within the limits: params and tags first, then metrics in order.</summary>
    public static IEnumerable<LogBatch> Split(IEnumerable<Param> parameters, IEnumerable<RunTag> tags, IEnumerable<Metric> metrics)
    {
        var builder = new LogBatchBuilder();
        foreach (var param in parameters)
        {
            if (!builder.TryAdd(param))
            {
                yield return builder.Build();
                builder.TryAdd(param);
            }
        }

        foreach (var tag in tags)
        {
            if (!builder.TryAdd(tag))
            {
                yield return builder.Build();
                builder.TryAdd(tag);
            }
        }

        foreach (var metric in metrics)
        {
            if (!builder.TryAdd(metric))
            {
                yield return builder.Build();
                builder.TryAdd(metric);
            }
        }

        if (!builder.IsEmpty)
        {
            yield return builder.Build();
        }
    }

    private bool Fits(long size) => Count < MlflowLimits.ItemsPerBatch && bytes + size <= byteBudget;

    private int KeyBytes(string key)
    {
        if (!keyBytes.TryGetValue(key, out int size))
        {
            size = JsonBytes(key);
            if (keyBytes.Count < 10_000)
            {
                keyBytes[key] = size;
            }
        }

        return size;
    }

    private static int JsonBytes(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.Default).EncodedUtf8Bytes.Length;
}
