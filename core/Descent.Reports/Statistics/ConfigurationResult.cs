using System.Globalization;
using System.Text.RegularExpressions;
using Descent.Reports.Reading;

namespace Descent.Reports.Statistics;

/// <summary>One optimizer configuration of a group: its runs (one per seed) and their statistics.</summary>
/// <param name="Label">The configuration's label, e.g. <c>momentum lr=0.02 momentum=0.5</c>.</param>
/// <param name="Runs">Its runs, in sweep order.</param>
/// <param name="Statistics">Their numbers.</param>
public sealed partial record ConfigurationResult(string Label, IReadOnlyList<ReportRun> Runs, ConfigurationStatistics Statistics)
{
    /// <summary>
    /// The label for tables and legends: without the objective that a sweep across objectives puts in front
    /// (the group names it), and with sampled values shortened to 4 significant digits (<c>lr=0.0001302</c>).
    /// </summary>
    public string DisplayLabel
    {
        get
        {
            string label = Label.StartsWith(Runs[0].Objective + " / ", StringComparison.Ordinal) ? Label[(Runs[0].Objective.Length + 3)..] : Label;
            return LongNumber().Replace(label, m => double.Parse(m.Value, CultureInfo.InvariantCulture).ToString("G4", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal));
        }
    }

    /// <summary>The optimizer's plugin id.</summary>
    public string Optimizer => Runs[0].Optimizer;

    /// <summary>The learning rate shared by its runs, when the optimizer has one.</summary>
    public double? LearningRate => Runs[0].LearningRate;

    /// <summary>The configuration of <paramref name="runs"/>.</summary>
    public static ConfigurationResult Of(string label, IReadOnlyList<ReportRun> runs) => new(label, runs, ConfigurationStatistics.Of(runs));

    /// <summary>A value after <c>=</c> with more than 5 decimals, as random search draws them.</summary>
    [GeneratedRegex(@"(?<==)-?\d+\.\d{6,}(?:[eE][-+]?\d+)?")]
    private static partial Regex LongNumber();
}
