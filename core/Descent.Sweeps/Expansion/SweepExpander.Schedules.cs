using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Sweeps.Files;

namespace Descent.Sweeps.Expansion;

/// <summary>
/// Swept schedule args: read as hyperparameters are (a list or a distribution), checked against the schedule's declared
/// hyperparameters, joined to the entry's axes after the optimizer's, and given to each trial as fixed values.
/// </summary>
public static partial class SweepExpander
{
    /// <summary>
    /// How a swept schedule arg is named among a configuration's values, in its label and in <see cref="Spec"/>
    /// (<c>schedule.warmup_steps=500</c>, as its MLflow param is named), apart from the optimizer's hyperparameters.
    /// </summary>
    public const string ScheduleKey = RunKeys.Params.SchedulePrefix;

    /// <summary>
    /// The entry's swept schedule args (lists and distributions, checked against the schedule's declared hyperparameters as an
    /// optimizer's are), in the schedule's declaration order, keyed <see cref="ScheduleKey"/> + name. A flat list that is one value
    /// of an array option sweeps nothing: <see cref="Spec"/> passes it as a fixed arg.
    /// </summary>
    private static List<(string Key, HyperparameterDescriptor Descriptor, ValueSpace Space)> ScheduleSpaces(
        ExperimentFile file, OptimizerEntry entry, PluginCatalog catalog, List<ConfigurationProblem> problems, List<ExperimentError> errors)
    {
        var spaces = new List<(string Key, HyperparameterDescriptor Descriptor, ValueSpace Space)>();
        var schedule = Schedule(file, entry);
        if (schedule is null || schedule.Swept.Count == 0)
        {
            return spaces;
        }

        if (schedule.Id is null)
        {
            errors.Add(new ExperimentError(schedule.Location, "'schedule' sweeps args but names no schedule; give its 'id' here or in the file's 'schedule'"));
            return spaces;
        }

        var schema = TrialResolver.Plugin(catalog, PluginKind.Schedule, schedule.Id, problems)?.Schema;
        if (schema is null)
        {
            return spaces;
        }

        foreach (var (name, space) in schedule.Swept)
        {
            var descriptor = OptionsBinder.Find(schema, PluginKind.Schedule, schedule.Id, name, problems);
            if (descriptor is not null && Sweepable(file, name, descriptor, space, errors) && SampledValue.Draws(descriptor, space))
            {
                spaces.Add((ScheduleKey + name, descriptor, space));
            }
        }

        var order = schema.Hyperparameters.ToList();
        spaces.Sort((a, b) => order.IndexOf(a.Descriptor).CompareTo(order.IndexOf(b.Descriptor)));
        return spaces;
    }

    /// <summary>The schedule an entry's trials run under: the file's with the entry's changes, or the entry's own; null for none.</summary>
    internal static ComponentSection? Schedule(ExperimentFile file, OptimizerEntry entry) => file.Schedule is null ? entry.Schedule : file.Schedule.Merge(entry.Schedule);

    /// <summary>
    /// A trial's schedule args, every one a fixed value: the section's fixed args, its flat lists that are one value of an array
    /// option, and this configuration's values of its swept args (a drawn number written in round-trip form, so it binds exactly as drawn).
    /// A schedule without swept args gives its args as they are, so the identities of such trials do not change.
    /// </summary>
    private static IReadOnlyDictionary<string, string> ScheduleArgs(ComponentSection? schedule, List<KeyValuePair<string, object>> values)
    {
        if (schedule is null)
        {
            return new Dictionary<string, string>();
        }

        if (schedule.Swept.Count == 0)
        {
            return schedule.Args;
        }

        var args = new Dictionary<string, string>(schedule.Args, StringComparer.Ordinal);
        foreach (var (name, space) in schedule.Swept)
        {
            if (values.FirstOrDefault(v => v.Key == ScheduleKey + name) is { Key: not null } value)
            {
                args[name] = value.Value as string ?? ValueFormat.Value(value.Value);
            }
            else if (space is GridValues { Flat: true } whole)
            {
                args[name] = string.Join(",", whole.Values);
            }
        }

        return args;
    }
}
