using Descent.Tracking.Model;

namespace Descent.Tracking.Recording;

/// <summary>What a <see cref="Record"/> carries.</summary>
internal enum RecordKind
{
    /// <summary>A metric point.</summary>
    Metric,

    /// <summary>A param.</summary>
    Param,

    /// <summary>A tag.</summary>
    Tag,
}

/// <summary>One record on its way from the training thread to the store (small: it sits in a queue of many).</summary>
internal readonly record struct Record(RecordKind Kind, string Key, string? Text, double Value, long Timestamp, long Step)
{
    public static Record Of(Metric metric) => new(RecordKind.Metric, metric.Key, null, metric.Value, metric.Timestamp, metric.Step);

    public static Record Of(Param param) => new(RecordKind.Param, param.Key, param.Value, 0, 0, 0);

    public static Record Of(RunTag tag) => new(RecordKind.Tag, tag.Key, tag.Value, 0, 0, 0);

    public Metric AsMetric() => new(Key, Value, Timestamp, Step);

    public Param AsParam() => new(Key, Text ?? "");

    public RunTag AsTag() => new(Key, Text ?? "");
}
