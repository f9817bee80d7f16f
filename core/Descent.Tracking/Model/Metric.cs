namespace Descent.Tracking.Model;

/// <summary>One metric point.</summary>
/// <param name="Key">The metric's name; a <c>/</c> groups charts in the MLflow UI (<c>trajectory/x_0</c>).</param>
/// <param name="Value">The value; NaN and infinities allowed.</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch.</param>
/// <param name="Step">The x-axis of MLflow's charts: samples seen, or the iteration.</param>
public readonly record struct Metric(string Key, double Value, long Timestamp, long Step)
{
    /// <summary>
    /// True when both are the same point. NaN equals NaN here (unlike <c>==</c> on doubles), as MLflow's
    /// SQL store treats an exact duplicate: the same key, value, timestamp and step.
    /// </summary>
    public bool SamePointAs(Metric other) =>
        Key == other.Key && Timestamp == other.Timestamp && Step == other.Step && Value.Equals(other.Value);
}
