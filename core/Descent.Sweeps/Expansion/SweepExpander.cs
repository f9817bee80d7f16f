using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Descent.Sweeps.Files;

namespace Descent.Sweeps.Expansion;

/// <summary>
/// Turns an experiment file into its trials, deterministically: for each objective and optimizer entry, the
/// grid of its listed values (or the random samples of its distributions), in the options' declaration
/// order, times the seeds. Every trial is checked against the loaded plugins before any runs; the file's
/// own problems and the plugins' are reported together, each at the line of the entry or value it is about.
/// </summary>
public static class SweepExpander
{
    /// <summary>The plan.</summary>
    /// <exception cref="ExperimentFileException">Problems in the file's shape, unknown plugins or hyperparameters, invalid values; every problem listed.</exception>
    public static SweepPlan Expand(ExperimentFile file, PluginCatalog catalog)
    {
        var errors = new List<ExperimentError>(file.Problems);
        var configurations = file.Optimizers.Select((_, e) => Configurations(file, e, catalog, errors)).ToArray();
        var trials = new List<(SweepTrial Trial, OptimizerEntry Entry)>();
        foreach (var objective in file.Objectives)
        {
            for (int e = 0; e < file.Optimizers.Count; e++)
            {
                var entry = file.Optimizers[e];
                foreach (var values in configurations[e])
                {
                    string configuration = (file.Objectives.Count > 1 ? $"{objective.Merge(entry.Objective).Id} / " : "") + Describe(entry, values);
                    foreach (long seed in file.Seeds)
                    {
                        try
                        {
                            var resolved = TrialResolver.Resolve(Spec(file, objective, entry, values, seed), catalog);
                            trials.Add((new SweepTrial(trials.Count, configuration, resolved, TrialIdentity.Hash(resolved)), entry));
                        }
                        catch (TrialConfigurationException problem)
                        {
                            Report(problem.Problems, file, entry, objective, errors);
                        }
                    }
                }
            }
        }

        if (file.Search.Mode == SearchMode.Random)
        {
            // Random draws from small lists repeat; a repeated configuration is the same trial, run once.
            trials = trials.DistinctBy(t => t.Trial.Identity).Select((t, i) => (t.Trial with { Index = i }, t.Entry)).ToList();
        }

        // An entry that could not be read whole lacks values, so its trials may repeat others only by accident.
        foreach (var repeated in trials.Where(t => !t.Entry.Incomplete).GroupBy(t => t.Trial.Identity).Where(g => g.Count() > 1))
        {
            errors.Add(new ExperimentError(repeated.ElementAt(1).Entry.Location,
                $"the same trial appears {repeated.Count()} times ({repeated.First().Trial.Name}); remove the repeated values"));
        }

        if (errors.Count > 0)
        {
            throw new ExperimentFileException(errors.OrderBy(x => x.Location.Line).ThenBy(x => x.Location.Column).ToArray());
        }

        return new SweepPlan(file, trials.Select(t => t.Trial).ToArray());
    }

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
    private static List<List<KeyValuePair<string, object>>> Configurations(ExperimentFile file, int entryIndex, PluginCatalog catalog, List<ExperimentError> errors)
    {
        var entry = file.Optimizers[entryIndex];
        int errorsBefore = errors.Count;
        var problems = new List<ConfigurationProblem>();
        var schema = TrialResolver.Plugin(catalog, PluginKind.Optimizer, entry.Id, problems)?.Schema;
        if (schema is null)
        {
            Report(problems, file, entry, objective: null, errors);
            return [];
        }

        var spaces = new List<(HyperparameterDescriptor Descriptor, ValueSpace Space)>();
        foreach (var (name, space) in entry.Hyperparameters)
        {
            var descriptor = OptionsBinder.Find(schema, PluginKind.Optimizer, entry.Id, name, problems);
            if (descriptor is null)
            {
                continue;
            }

            if (space.IsDistribution && file.Search.Mode == SearchMode.Grid)
            {
                errors.Add(new ExperimentError(space.Location,
                    $"hyperparameter '{name}' has a distribution, which only random search samples; give a list for a grid, or set 'search: {{ mode: random, samples: N }}'"));
                continue;
            }

            CheckBounds(descriptor, space, errors);
            spaces.Add((descriptor, space));
        }

        Report(problems, file, entry, objective: null, errors);
        if (errors.Count > errorsBefore)
        {
            // The entry's spaces are wrong; its trials would only repeat the same problems.
            return [];
        }

        // Declaration order of the options, so that the file's key order does not change the trial order.
        var order = schema.Hyperparameters.ToList();
        spaces.Sort((a, b) => order.IndexOf(a.Descriptor).CompareTo(order.IndexOf(b.Descriptor)));
        if (file.Search.Mode == SearchMode.Random)
        {
            return Enumerable.Range(0, file.Search.Samples)
                .Select(k => spaces.Select(s => new KeyValuePair<string, object>(s.Descriptor.Name, Sample(file.Search.Seed, entryIndex, k, s.Descriptor, s.Space))).ToList())
                .ToList();
        }

        var configurations = new List<List<KeyValuePair<string, object>>> { new() };
        foreach (var (descriptor, space) in spaces)
        {
            configurations = configurations
                .SelectMany(c => GridAxis(descriptor, space).Select(v => new List<KeyValuePair<string, object>>(c) { new(descriptor.Name, v) }))
                .ToList();
        }

        return configurations;
    }

    private static IReadOnlyList<string> GridAxis(HyperparameterDescriptor descriptor, ValueSpace space) => space switch
    {
        FixedValue f => [f.Value],
        GridValues g when g.Flat && descriptor.Type is HyperparameterType.RealList or HyperparameterType.IntegerList => [string.Join(",", g.Values)],
        GridValues g => g.Values,
        _ => throw new InvalidOperationException($"{space.GetType().Name} is not a grid axis"),
    };

    /// <summary>A value for one sample: text from a list, a <c>double</c> or <c>long</c> from a distribution (bound as drawn).</summary>
    private static object Sample(long seed, int entry, int sample, HyperparameterDescriptor descriptor, ValueSpace space)
    {
        double u = RandomDraw.Unit(seed, $"entry-{entry}/sample-{sample}/{descriptor.Name}");
        return space switch
        {
            FixedValue f => f.Value,
            GridValues g when g.Flat && descriptor.Type is HyperparameterType.RealList or HyperparameterType.IntegerList => string.Join(",", g.Values),
            GridValues g => g.Values[(int)(u * g.Values.Count)],
            ChoiceValues c => c.Values[(int)(u * c.Values.Count)],
            UniformValues { Integer: true } i => Math.Min((long)i.High, (long)i.Low + (long)Math.Floor(u * ((long)i.High - (long)i.Low + 1))),
            UniformValues r => r.Low + (u * (r.High - r.Low)),
            LogUniformValues l => Math.Exp(Math.Log(l.Low) + (u * (Math.Log(l.High) - Math.Log(l.Low)))),
            _ => throw new InvalidOperationException($"unknown value space {space.GetType().Name}"),
        };
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

    private static TrialSpec Spec(ExperimentFile file, ComponentSection fileObjective, OptimizerEntry entry, List<KeyValuePair<string, object>> values, long seed)
    {
        var objective = fileObjective.Merge(entry.Objective);
        var dataset = file.Dataset is null ? entry.Dataset : file.Dataset.Merge(entry.Dataset);
        var training = file.Training.Merge(entry.Training);
        return new TrialSpec
        {
            Optimizer = entry.Id,
            Hyperparameters = values.Where(v => v.Value is string).ToDictionary(v => v.Key, v => (string)v.Value),
            SampledHyperparameters = values.Where(v => v.Value is not string).ToDictionary(v => v.Key, v => v.Value),
            Objective = objective.Id ?? "",
            ObjectiveArgs = objective.Args,
            Dataset = dataset?.Id,
            DatasetArgs = dataset?.Args ?? new Dictionary<string, string>(),
            Training = new TrainingSettings(training.Steps, training.Epochs, training.BatchSize, training.RecordEvery, training.Autograd ?? false)
            {
                EvalEvery = training.EvalEvery,
                EvalBatchSize = training.EvalBatchSize,
            },
            Seed = seed,
            DType = training.DType ?? "float32",
            Device = training.Device ?? "cpu",
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
