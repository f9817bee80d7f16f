using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Plugins;

namespace Descent.Engine.Trials;

/// <summary>
/// Resolves a trial's schedule and checks that its optimizer can follow one: the optimizer must be built
/// against contract 1.1 or later and implement <see cref="IScheduledOptimizer"/>. Problems are found before
/// the first trial runs.
/// </summary>
public static class ScheduleCheck
{
    /// <summary>The first contract version with schedules.</summary>
    public static Version SchedulesSince { get; } = new(1, 1);

    /// <summary>The resolved schedule, or null with the problems added.</summary>
    public static ResolvedComponent? Resolve(PluginCatalog catalog, TrialSpec spec, ResolvedComponent? optimizer, ICollection<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var schedule = TrialResolver.Component(catalog, PluginKind.Schedule, spec.Schedule!, TrialResolver.Text(spec.ScheduleArgs), problems);
        if (optimizer is not null && Refusal(optimizer.Plugin, spec.Schedule!) is { } refusal)
        {
            problems.Add(ConfigurationProblem.OfPlugin(PluginKind.Optimizer, optimizer.Id, refusal));
        }

        return schedule;
    }

    /// <summary>Why <paramref name="optimizer"/> cannot run under schedule <paramref name="scheduleId"/>; null when it can.</summary>
    public static string? Refusal(LoadedPlugin optimizer, string scheduleId)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        string contract = optimizer.Manifest.ContractVersion;
        if (Version.TryParse(contract, out var version) && version < SchedulesSince)
        {
            return $"optimizer '{optimizer.Id}' was built against contract {contract}, which has no learning-rate schedules, so it cannot run under schedule '{scheduleId}'; " +
                   $"remove the schedule to run it with its constant lr, or rebuild the plugin against Descent.Contracts {SchedulesSince.Major}.{SchedulesSince.Minor} and implement {nameof(IScheduledOptimizer)}";
        }

        if (!typeof(IScheduledOptimizer).IsAssignableFrom(optimizer.Instance.ImplementationType))
        {
            return $"optimizer '{optimizer.Id}' does not implement {nameof(IScheduledOptimizer)}, so schedule '{scheduleId}' cannot set its learning rate; " +
                   "remove the schedule, or make the optimizer implement it (a SlotOptimizer: pass lr to the base constructor, use Lr in Update)";
        }

        return null;
    }
}
