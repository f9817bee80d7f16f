using Descent.Contracts;
using Descent.Engine.Plugins;

namespace Descent.Engine.Trials;

/// <summary>
/// Before the first trial runs, creates each distinct optimizer configuration once (<see cref="OptimizerProbe"/>):
/// a constructor that throws for these options stops the command with one line naming the optimizer, the
/// values and the cause, instead of failing every trial (or, for <c>descent trial</c>, ending in a stack trace).
/// </summary>
public static class OptimizerCreationCheck
{
    /// <summary>Checks every distinct optimizer configuration among <paramref name="trials"/>.</summary>
    /// <exception cref="TrialSetupException">An optimizer cannot be created; the message names it, its values and the cause.</exception>
    public static void Check(IEnumerable<ResolvedTrial> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? first = null;
        int failing = 0;
        foreach (var trial in trials)
        {
            var optimizer = trial.Optimizer;
            string values = string.Join(" ", optimizer.Options.Values.Select(v => $"{v.Key}={v.Value}"));
            if (!seen.Add($"{optimizer.Id}\n{values}"))
            {
                continue;
            }

            if (OptimizerProbe.Check(optimizer.Plugin, optimizer.Options.Instance, trial.Seed) is { } thrown)
            {
                failing++;
                first ??= $"optimizer '{optimizer.Id}' cannot be created with {(values.Length == 0 ? "its options" : values)}: {thrown}";
            }
        }

        if (first is not null)
        {
            string more = failing > 1 ? $" ({failing - 1} more configurations fail the same way or another)" : "";
            throw new TrialSetupException($"{first}{more}; fix the values, or the plugin if these are its defaults");
        }
    }
}
