using Descent.Tracking.Model;

namespace Descent.Tracking.Sync;

/// <summary>
/// Which points of a local metric history the target lacks, compared as a multiset of
/// (timestamp, step, value), so that replaying twice adds nothing. Values compare as the target stores
/// them: NaN equals NaN, and ±infinity equals ±1.7976931348623157e308 (SQL stores keep infinities so).
/// </summary>
internal static class MetricPoints
{
    public static IReadOnlyList<Metric> Missing(IReadOnlyList<Metric> local, IReadOnlyList<Metric> target)
    {
        var counts = new Dictionary<(long, long, long), int>();
        foreach (var point in target)
        {
            var key = Key(point);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var missing = new List<Metric>();
        foreach (var point in local)
        {
            var key = Key(point);
            if (counts.TryGetValue(key, out int n) && n > 0)
            {
                counts[key] = n - 1;
            }
            else
            {
                missing.Add(point);
            }
        }

        return missing;
    }

    private static (long Timestamp, long Step, long Value) Key(Metric point) => (point.Timestamp, point.Step, ValueBits(point.Value));

    private static long ValueBits(double value) => value switch
    {
        double.NaN => long.MinValue,
        double.PositiveInfinity or double.MaxValue => BitConverter.DoubleToInt64Bits(double.MaxValue),
        double.NegativeInfinity or double.MinValue => BitConverter.DoubleToInt64Bits(double.MinValue),
        _ => BitConverter.DoubleToInt64Bits(value),
    };
}
