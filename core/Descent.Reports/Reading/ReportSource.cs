using Descent.Runs.Sweeps;

namespace Descent.Reports.Reading;

/// <summary>
/// Which runs a report covers: the runs of one sweep (an experiment file expanded, outlined as <see cref="Plan"/>),
/// or, with no plan, what an experiment holds: its newest complete sweep, else every trial run in it.
/// </summary>
/// <param name="ExperimentName">The MLflow experiment the runs are in (for a file, its <c>name:</c> unless told otherwise).</param>
/// <param name="Plan">The sweep, when the report is made from its experiment file; null to pick from the experiment.</param>
public sealed record ReportSource(string ExperimentName, SweepOutline? Plan = null)
{
    /// <summary>The runs of <paramref name="plan"/>, in <paramref name="experimentName"/> (default: the file's name).</summary>
    public static ReportSource ForPlan(SweepOutline plan, string? experimentName = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ReportSource(string.IsNullOrWhiteSpace(experimentName) ? plan.Name : experimentName, plan);
    }

    /// <summary>The newest complete sweep of <paramref name="experimentName"/>, else all its trial runs.</summary>
    public static ReportSource ForExperiment(string experimentName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentName);
        return new ReportSource(experimentName);
    }
}
