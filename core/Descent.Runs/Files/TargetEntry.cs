using Descent.Engine.Targets;

namespace Descent.Runs.Files;

/// <summary><see cref="TrialReport.Target"/>: <c>{metric, value, mode, stop}</c>.</summary>
/// <param name="Metric">The metric, <c>SPLIT/NAME</c>.</param>
/// <param name="Value">The value to reach.</param>
/// <param name="Mode"><c>max</c> (reached at &gt;= value) or <c>min</c> (at &lt;=).</param>
/// <param name="Stop">Whether the trial stops there.</param>
public sealed record TargetEntry(string Metric, double Value, string Mode, bool Stop)
{
    /// <summary>The entry for <paramref name="target"/>, or null.</summary>
    public static TargetEntry? From(TrialTarget? target) =>
        target is null ? null : new TargetEntry(target.Metric, target.Value, TrialTarget.ModeName(target.Mode), target.Stop);
}
