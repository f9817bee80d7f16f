using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Descent.Sweeps.Files;
using Descent.Sweeps.Search;

namespace Descent.Sweeps.Expansion;

/// <summary>
/// Turns an experiment file into its trials, deterministically: for each objective and optimizer entry, the
/// grid of its listed values (or the random or quasi-random samples of its distributions), in the options' declaration
/// order and then its schedule's swept args in theirs, times the seeds. Every trial is checked against the loaded
/// plugins before any runs; the file's own problems and the plugins' are reported together, each at the line of the
/// entry or value it is about.
/// </summary>
public static partial class SweepExpander
{
    /// <summary>
    /// Sweeps of up to this many trials are listed whole when expanded (every trial checked, repeats found); larger
    /// ones are expanded lazily (<see cref="UnlistedTrials"/>): each value of each axis checked once, trials made when read.
    /// </summary>
    public const long ListedLimit = 100_000;

    /// <summary>The plan.</summary>
    /// <exception cref="ExperimentFileException">Problems in the file's shape, unknown plugins or hyperparameters, invalid values; every problem listed.</exception>
    public static SweepPlan Expand(ExperimentFile file, PluginCatalog catalog) => Expand(file, catalog, ListedLimit);

    /// <summary>The plan, listed whole when it has at most <paramref name="listedLimit"/> trials (tests compare both ways).</summary>
    internal static SweepPlan Expand(ExperimentFile file, PluginCatalog catalog, long listedLimit)
    {
        var errors = new List<ExperimentError>(file.Problems);
        var spaces = file.Optimizers.Select((_, e) => Configurations(file, e, catalog, errors)).ToArray();
        long total = Total(file, spaces);
        return total <= listedLimit ? Listed(file, catalog, spaces, errors) : Unlisted(file, catalog, spaces, errors, total);
    }

    /// <summary>Objectives x configurations x seeds, saturating at <see cref="long.MaxValue"/>.</summary>
    private static long Total(ExperimentFile file, IReadOnlyList<ConfigurationSpace> spaces)
    {
        long configurations = 0;
        foreach (var space in spaces)
        {
            configurations = configurations > long.MaxValue - space.Count ? long.MaxValue : configurations + space.Count;
        }

        long perObjective = file.Seeds.Count == 0 || configurations <= long.MaxValue / file.Seeds.Count ? configurations * file.Seeds.Count : long.MaxValue;
        return file.Objectives.Count == 0 || perObjective <= long.MaxValue / file.Objectives.Count ? perObjective * file.Objectives.Count : long.MaxValue;
    }

    private static SweepPlan Listed(ExperimentFile file, PluginCatalog catalog, IReadOnlyList<ConfigurationSpace> spaces, List<ExperimentError> errors)
    {
        var trials = new List<(SweepTrial Trial, OptimizerEntry Entry)>();
        foreach (var objective in file.Objectives)
        {
            for (int e = 0; e < file.Optimizers.Count; e++)
            {
                var entry = file.Optimizers[e];
                for (long k = 0; k < spaces[e].Count; k++)
                {
                    var values = spaces[e].At(k);
                    string configuration = Configuration(file, objective, entry, values);
                    foreach (long seed in file.Seeds)
                    {
                        try
                        {
                            var resolved = TrialResolver.Resolve(Spec(file, objective, entry, values, seed), catalog);
                            trials.Add((new SweepTrial(trials.Count, configuration, resolved, TrialIdentity.Hash(resolved)) { Timeout = entry.Timeout ?? file.Timeout }, entry));
                        }
                        catch (TrialConfigurationException problem)
                        {
                            Report(problem.Problems, file, entry, objective, errors);
                        }
                    }
                }
            }
        }

        if (file.Search.Mode is SearchMode.Random or SearchMode.Quasirandom)
        {
            // Random and quasi-random draws from small lists repeat; a repeated configuration is the same trial, run once.
            trials = trials.DistinctBy(t => t.Trial.Identity).Select((t, i) => (t.Trial with { Index = i }, t.Entry)).ToList();
        }

        // An entry that could not be read whole lacks values, so its trials may repeat others only by accident.
        foreach (var repeated in trials.Where(t => !t.Entry.Incomplete).GroupBy(t => t.Trial.Identity).Where(g => g.Count() > 1))
        {
            errors.Add(new ExperimentError(repeated.ElementAt(1).Entry.Location,
                $"the same trial appears {repeated.Count()} times ({repeated.First().Trial.Name}); remove the repeated values"));
        }

        ThrowIfAny(errors);
        return new SweepPlan(file, trials.Select(t => t.Trial).ToArray());
    }

    /// <summary>
    /// A sweep too large to list: each value of each grid axis (or the first samples of a random search) is checked
    /// with the first seed, for every objective, and the trials are made when read. Repeated values within an axis
    /// are still refused; repeats across entries are not looked for, and random samples are not made distinct.
    /// </summary>
    private static SweepPlan Unlisted(ExperimentFile file, PluginCatalog catalog, IReadOnlyList<ConfigurationSpace> spaces, List<ExperimentError> errors, long total)
    {
        foreach (var objective in file.Objectives)
        {
            for (int e = 0; e < file.Optimizers.Count; e++)
            {
                var entry = file.Optimizers[e];
                foreach (var values in spaces[e].Representatives(samples: 1000))
                {
                    try
                    {
                        TrialResolver.Resolve(Spec(file, objective, entry, values, file.Seeds[0]), catalog);
                    }
                    catch (TrialConfigurationException problem)
                    {
                        Report(problem.Problems, file, entry, objective, errors);
                    }
                }

                foreach (var (name, axis) in spaces[e].Axes.Where(a => a.Values.Distinct().Count() < a.Values.Count))
                {
                    errors.Add(new ExperimentError(entry.Location, $"hyperparameter '{name}' lists a value twice, so the same trials would run twice; remove the repeated values"));
                }
            }
        }

        ThrowIfAny(errors);
        if (total > int.MaxValue)
        {
            throw new SweepException($"the sweep has {total:N0} trials, more than one sweep can hold ({int.MaxValue:N0}); split it into several experiment files or use fewer values");
        }

        return new SweepPlan(file, new UnlistedTrials(file, catalog, spaces, (int)total));
    }

    private static void ThrowIfAny(List<ExperimentError> errors)
    {
        if (errors.Count > 0)
        {
            // A problem of a section the entries share (the file's schedule) is found once per entry; it is reported once.
            throw new ExperimentFileException(errors.Distinct().OrderBy(x => x.Location.Line).ThenBy(x => x.Location.Column).ToArray());
        }
    }

    /// <summary>The configuration's label: the objective (when the file has several), then the entry's label or id and its values.</summary>
    internal static string Configuration(ExperimentFile file, ComponentSection objective, OptimizerEntry entry, List<KeyValuePair<string, object>> values) =>
        (file.Objectives.Count > 1 ? $"{objective.Merge(entry.Objective).Id} / " : "") + Describe(entry, values);

    /// <summary>Adds the plugins' problems with a trial at the lines they are about, each once.</summary>
    private static void Report(
        IEnumerable<ConfigurationProblem> problems, ExperimentFile file, OptimizerEntry entry, ComponentSection? objective, List<ExperimentError> errors)
    {
        foreach (var problem in problems)
        {
            if (ProblemLocation.Of(problem, file, entry, objective) is { } at && !errors.Any(x => x.Location == at && x.Message == problem.Message))
            {
                errors.Add(new ExperimentError(at, problem.Message));
            }
        }
    }

    /// <summary>The entry's configurations: values by hyperparameter name, as text or as drawn (double, long).</summary>
    private static ConfigurationSpace Configurations(ExperimentFile file, int entryIndex, PluginCatalog catalog, List<ExperimentError> errors)
    {
        var entry = file.Optimizers[entryIndex];
        int errorsBefore = errors.Count;
        var problems = new List<ConfigurationProblem>();
        var schema = TrialResolver.Plugin(catalog, PluginKind.Optimizer, entry.Id, problems)?.Schema;
        if (schema is null)
        {
            Report(problems, file, entry, objective: null, errors);
            return ConfigurationSpace.Empty;
        }

        var spaces = new List<(string Key, HyperparameterDescriptor Descriptor, ValueSpace Space)>();
        foreach (var (name, space) in entry.Hyperparameters)
        {
            var descriptor = OptionsBinder.Find(schema, PluginKind.Optimizer, entry.Id, name, problems);
            if (descriptor is not null && Sweepable(file, name, descriptor, space, errors))
            {
                spaces.Add((name, descriptor, space));
            }
        }

        // Declaration order of the options, so that the file's key order does not change the trial order.
        var order = schema.Hyperparameters.ToList();
        spaces.Sort((a, b) => order.IndexOf(a.Descriptor).CompareTo(order.IndexOf(b.Descriptor)));
        spaces.AddRange(ScheduleSpaces(file, entry, catalog, problems, errors));
        Report(problems, file, entry, objective: null, errors);
        if (errors.Count > errorsBefore)
        {
            // The entry's spaces are wrong; its trials would only repeat the same problems.
            return ConfigurationSpace.Empty;
        }

        if (file.Search.Mode == SearchMode.Random)
        {
            return ConfigurationSpace.Random(
                file.Search.Samples,
                k => spaces.Select(s => new KeyValuePair<string, object>(s.Key, Sample(file.Search.Seed, entryIndex, (int)k, s.Key, s.Descriptor, s.Space))).ToList());
        }

        if (file.Search.Mode == SearchMode.Quasirandom)
        {
            return Quasirandom(file.Search, entryIndex, spaces);
        }

        return ConfigurationSpace.Grid(spaces.Select(s => (s.Key, (IReadOnlyList<object>)GridAxis(s.Descriptor, s.Space).ToArray<object>())).ToArray());
    }

    /// <summary>Whether <paramref name="space"/> can be swept by the file's search (a distribution needs random or quasi-random search); its bounds checked.</summary>
    private static bool Sweepable(ExperimentFile file, string name, HyperparameterDescriptor descriptor, ValueSpace space, List<ExperimentError> errors)
    {
        if (space.IsDistribution && file.Search.Mode == SearchMode.Grid)
        {
            errors.Add(new ExperimentError(space.Location,
                $"hyperparameter '{name}' has a distribution, which only random and quasirandom search sample; give a list for a grid, or set 'search: {{ mode: quasirandom, samples: N }}'"));
            return false;
        }

        CheckBounds(descriptor, space, errors);
        return true;
    }

    private static IReadOnlyList<string> GridAxis(HyperparameterDescriptor descriptor, ValueSpace space) => space switch
    {
        FixedValue f => [f.Value],
        GridValues g when g.Flat && descriptor.Type is HyperparameterType.RealList or HyperparameterType.IntegerList => [string.Join(",", g.Values)],
        GridValues g => g.Values,
        _ => throw new InvalidOperationException($"{space.GetType().Name} is not a grid axis"),
    };

    /// <summary>A value for one random sample: text from a list, a <c>double</c> or <c>long</c> from a distribution (bound as drawn).</summary>
    private static object Sample(long seed, int entry, int sample, string key, HyperparameterDescriptor descriptor, ValueSpace space) =>
        SampledValue.From(RandomDraw.Unit(seed, $"entry-{entry}/sample-{sample}/{key}"), descriptor, space);

    /// <summary>
    /// The entry's quasi-random samples: sample <c>k</c> is point <see cref="QuasirandomSearch.Index"/>(k) of the entry's
    /// scrambled Halton sequence, one coordinate per sampled hyperparameter in declaration order, each mapped as random search maps a draw.
    /// </summary>
    private static ConfigurationSpace Quasirandom(SearchSection search, int entryIndex, List<(string Key, HyperparameterDescriptor Descriptor, ValueSpace Space)> spaces)
    {
        int[] dimension = new int[spaces.Count];
        int dimensions = 0;
        for (int i = 0; i < spaces.Count; i++)
        {
            dimension[i] = SampledValue.Draws(spaces[i].Descriptor, spaces[i].Space) ? dimensions++ : -1;
        }

        var sequence = dimensions == 0 ? null : QuasirandomSearch.Sequence(search.Seed, entryIndex, dimensions);
        return ConfigurationSpace.Random(
            search.Samples,
            k => spaces.Select((s, i) => new KeyValuePair<string, object>(
                s.Key,
                SampledValue.From(dimension[i] < 0 ? 0.0 : sequence!.Coordinate(QuasirandomSearch.Index(k), dimension[i]), s.Descriptor, s.Space))).ToList());
    }

    private static void CheckBounds(HyperparameterDescriptor descriptor, ValueSpace space, List<ExperimentError> errors)
    {
        (double Low, double High)? bounds = space switch
        {
            UniformValues u => (u.Low, u.High),
            LogUniformValues l => (l.Low, l.High),
            _ => null,
        };
        if (bounds is { } b && (!descriptor.Contains(b.Low) || !descriptor.Contains(b.High)))
        {
            errors.Add(new ExperimentError(space.Location,
                $"hyperparameter '{descriptor.Name}': the distribution's bounds [{ValueFormat.Number(b.Low)}, {ValueFormat.Number(b.High)}] leave its valid range {descriptor.RangeText}"));
        }
    }

    internal static TrialSpec Spec(ExperimentFile file, ComponentSection fileObjective, OptimizerEntry entry, List<KeyValuePair<string, object>> values, long seed)
    {
        var objective = fileObjective.Merge(entry.Objective);
        var dataset = file.Dataset is null ? entry.Dataset : file.Dataset.Merge(entry.Dataset);
        var training = file.Training.Merge(entry.Training);
        var schedule = Schedule(file, entry);
        var hyperparameters = values.Where(v => !v.Key.StartsWith(ScheduleKey, StringComparison.Ordinal)).ToArray();
        return new TrialSpec
        {
            Optimizer = entry.Id,
            Hyperparameters = hyperparameters.Where(v => v.Value is string).ToDictionary(v => v.Key, v => (string)v.Value),
            SampledHyperparameters = hyperparameters.Where(v => v.Value is not string).ToDictionary(v => v.Key, v => v.Value),
            Objective = objective.Id ?? "",
            ObjectiveArgs = objective.Args,
            Dataset = dataset?.Id,
            DatasetArgs = dataset?.Args ?? new Dictionary<string, string>(),
            Schedule = schedule?.Id,
            ScheduleArgs = ScheduleArgs(schedule, values),
            Training = new TrainingSettings(training.Steps, training.Epochs, training.BatchSize, training.RecordEvery, training.Autograd ?? false)
            {
                EvalEvery = training.EvalEvery,
                EvalBatchSize = training.EvalBatchSize,
            },
            Seed = seed,
            DType = training.DType ?? "float32",
            Device = training.Device ?? "cpu",
            Target = entry.Target ?? file.Target,
        };
    }

    /// <summary>The entry's label, or its id and the values it sets.</summary>
    private static string Describe(OptimizerEntry entry, List<KeyValuePair<string, object>> values)
    {
        string settings = string.Join(" ", values.Select(v => $"{v.Key}={ValueFormat.Value(v.Value)}"));
        string head = entry.Label ?? entry.Id;
        return settings.Length == 0 ? head : $"{head} {settings}";
    }
}
