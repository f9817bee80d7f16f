using System.Globalization;

namespace Descent.Engine.Targets;

/// <summary>A trial's target and how it went, in one line for the console.</summary>
public static class TargetSummary
{
    /// <summary>
    /// <c>valid/accuracy &gt;= 0.8 reached at step 47 (6016 samples, 1.234 s of training); stopped there</c>, or
    /// <c>valid/accuracy &gt;= 0.8 not reached</c>.
    /// </summary>
    public static string Describe(TrialTarget target, TimeToTarget? reached, bool stopped)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (reached is null)
        {
            return $"{target.Describe()} not reached";
        }

        string seconds = reached.Seconds.ToString("0.###", CultureInfo.InvariantCulture);
        return $"{target.Describe()} reached at step {reached.Steps} ({reached.Samples} samples, {seconds} s of training){(stopped ? "; stopped there" : "")}";
    }
}
