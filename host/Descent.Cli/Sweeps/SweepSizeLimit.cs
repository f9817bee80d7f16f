using System.Globalization;
using Descent.Cli.Output;
using Descent.Sweeps.Expansion;

namespace Descent.Cli.Sweeps;

/// <summary>
/// <c>--max-trials</c>: a sweep larger than the limit is refused with its size and how to raise the limit; its
/// dry run prints the count and the first and last trials (made when read, so memory stays flat).
/// </summary>
internal static class SweepSizeLimit
{
    /// <summary>The default limit.</summary>
    public const int DefaultMaxTrials = 100_000;

    /// <summary>Trials shown from each end of a sweep above the limit.</summary>
    private const int Shown = 5;

    /// <summary>Why a sweep of <paramref name="count"/> trials does not run.</summary>
    public static string Refusal(int count, int maxTrials) => string.Create(CultureInfo.InvariantCulture,
        $"the sweep has {count:N0} trials, more than --max-trials {maxTrials:N0}; to run it anyway give --max-trials {count}, or use fewer values (descent sweep FILE --dry-run shows the first and last trials)");

    /// <summary>The dry run of a sweep above the limit.</summary>
    public static int DryRun(CliConsole console, SweepPlan plan, int maxTrials, bool json)
    {
        int count = plan.Trials.Count;
        var shown = Enumerable.Range(0, Math.Min(Shown, count))
            .Concat(Enumerable.Range(Math.Max(Shown, count - Shown), Math.Min(Shown, Math.Max(0, count - Shown))))
            .Select(i => plan.Trials[i])
            .ToArray();
        if (json)
        {
            console.Out.WriteLine(Json.Write(new LargeDryRun(plan.File.Name, count, maxTrials, shown.Select(t => new ShownTrial(t.Index, t.Name, t.Identity)).ToArray())));
            return ExitCodes.Ok;
        }

        for (int i = 0; i < shown.Length; i++)
        {
            if (i == Shown && shown[i].Index > Shown)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"...           {shown[i].Index - Shown:N0} more trials"));
            }

            console.Out.WriteLine($"{shown[i].Identity[..12]}  {shown[i].Name}");
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} trials, more than --max-trials {maxTrials:N0}: a run would be refused (give --max-trials {count} to run it)"));
        return ExitCodes.Ok;
    }

    private sealed record ShownTrial(int Index, string Name, string Identity);

    private sealed record LargeDryRun(string Name, int Total, int MaxTrials, IReadOnlyList<ShownTrial> Trials);
}
