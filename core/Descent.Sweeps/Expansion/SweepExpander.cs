using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Descent.Sweeps.Files;

namespace Descent.Sweeps.Expansion;

/// <summary>
/// Turns an experiment file into its trials, deterministically: for each optimizer entry, the grid of
/// its listed values (or the random samples of its distributions), in the options' declaration order,
/// times the seeds. Every trial is checked against the loaded plugins before any runs; problems are
/// reported together, each at the line of the entry or value it comes from.
/// </summary>
public static class SweepExpander
{
    /// <summary>The plan.</summary>
    /// <exception cref="ExperimentFileException">Unknown plugins or hyperparameters, invalid values; every problem listed.</exception>
    public static SweepPlan Expand(ExperimentFile file, PluginCatalog catalog)
    {
        var errors = new List<ExperimentError>();
        var trials = new List<SweepTrial>();
        foreach (var objective in file.Objectives)
        {
            for (int e = 0; e < file.Optimizers.Count; e++)
            {
                ExpandEntry(file, objective, e, catalog, trials, errors);
            }
        }

        if (file.Search.Mode == SearchMode.Random)
        {
            // Random draws from small lists repeat; a repeated configuration is the same trial, run once.
            trials = trials.DistinctBy(t => t.Identity).Select((t, i) => t with { Index = i }).ToList();
        }

        var duplicates = trials.GroupBy(t => t.Identity).Where(g => g.Count() > 1).ToArray();
        foreach (var duplicate in duplicates)
        {
            var first = duplicate.First();
            errors.Add(new ExperimentError(file.Optimizers[0].Location with { Line = 0, Column = 0 },
                $"the same trial appears {duplicate.Count()} times ({first.Name}); remove the repeated values"));
        }

        if (errors.Count > 0)
        {
            throw new ExperimentFileException(errors.OrderBy(x => x.Location.Line).ThenBy(x => x.Location.Column).ToArray());
        }

        return new SweepPlan(file, trials);
    }

    private static void ExpandEntry(
        ExperimentFile file, ComponentSection objective, int entryIndex, PluginCatalog catalog, List<SweepTrial> trials, List<ExperimentError> errors)
    {
        var entry = file.Optimizers[entryIndex];
        var plugin = catalog.Find(entry.Id);
        if (plugin is null || plugin.Kind != PluginKind.Optimizer)
        {
            var known = catalog.OfKind(PluginKind.Optimizer).Select(p => p.Id).ToArray();
            string? suggestion = Suggestions.Closest(entry.Id, known);
            errors.Add(new ExperimentError(entry.Location,
                $"unknown optimizer '{entry.Id}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; available: {string.Join(", ", known)}"));
            return;
        }

        var configurations = Configurations(file, entryIndex, entry, plugin.Schema, errors);
        foreach (var values in configurations)
        {
            string configuration = (file.Objectives.Count > 1 ? $"{objective.Merge(entry.Objective).Id} / " : "") + Describe(entry, values);
            foreach (long seed in file.Seeds)
            {
                var spec = Spec(file, objective, entry, values, seed);
                try
                {
                    var resolved = TrialResolver.Resolve(spec, catalog);
                    trials.Add(new SweepTrial(trials.Count, configuration, resolved, TrialIdentity.Hash(resolved)));
                }
                catch (TrialConfigurationException problem)
                {
                    foreach (string message in problem.Errors)
                    {
                        var at = LocationOf(message, entry, objective, file);
                        if (!errors.Any(x => x.Location == at && x.Message == message))
                        {
                            errors.Add(new ExperimentError(at, message));
                        }
                    }
                }
            }
        }
    }

    private static List<List<KeyValuePair<string, string>>> Configurations(
        ExperimentFile file, int entryIndex, OptimizerEntry entry, OptionsSchema schema, List<ExperimentError> errors)
    {
        int errorsBefore = errors.Count;
        var axes = new List<(string Name, IReadOnlyList<string> Values)>();
        var spaces = new List<(HyperparameterDescriptor Descriptor, ValueSpace Space)>();
        foreach (var (name, space) in entry.Hyperparameters)
        {
            var descriptor = schema.Find(name);
            if (descriptor is null)
            {
                string? suggestion = Suggestions.Closest(name, schema.Hyperparameters.Select(h => h.Name));
                errors.Add(new ExperimentError(space.Location,
                    $"optimizer '{entry.Id}' has no hyperparameter '{name}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; valid names: {string.Join(", ", schema.Hyperparameters.Select(h => h.Name))}"));
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

        if (errors.Count > errorsBefore)
        {
            // The entry's spaces are wrong; its trials would only repeat the same problems.
            return [];
        }

        // Declaration order of the options, so that the file's key order does not change the trial order.
        spaces.Sort((a, b) => schema.Hyperparameters.ToList().IndexOf(a.Descriptor).CompareTo(schema.Hyperparameters.ToList().IndexOf(b.Descriptor)));
        if (file.Search.Mode == SearchMode.Random)
        {
            return Enumerable.Range(0, file.Search.Samples)
                .Select(k => spaces.Select(s => new KeyValuePair<string, string>(s.Descriptor.Name, Sample(file.Search.Seed, entryIndex, k, s.Descriptor, s.Space))).ToList())
                .ToList();
        }

        foreach (var (descriptor, space) in spaces)
        {
            axes.Add((descriptor.Name, GridAxis(descriptor, space)));
        }

        var configurations = new List<List<KeyValuePair<string, string>>> { new() };
        foreach (var (name, values) in axes)
        {
            configurations = configurations
                .SelectMany(c => values.Select(v => new List<KeyValuePair<string, string>>(c) { new(name, v) }))
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

    private static string Sample(long seed, int entry, int sample, HyperparameterDescriptor descriptor, ValueSpace space)
    {
        double u = RandomDraw.Unit(seed, $"entry-{entry}/sample-{sample}/{descriptor.Name}");
        return space switch
        {
            FixedValue f => f.Value,
            GridValues g when g.Flat && descriptor.Type is HyperparameterType.RealList or HyperparameterType.IntegerList => string.Join(",", g.Values),
            GridValues g => g.Values[(int)(u * g.Values.Count)],
            ChoiceValues c => c.Values[(int)(u * c.Values.Count)],
            UniformValues { Integer: true } i => IntegerSample((long)i.Low, (long)i.High, u),
            UniformValues r => ValueFormat.Number(r.Low + (u * (r.High - r.Low))),
            LogUniformValues l => ValueFormat.Number(Math.Exp(Math.Log(l.Low) + (u * (Math.Log(l.High) - Math.Log(l.Low))))),
            _ => throw new InvalidOperationException($"unknown value space {space.GetType().Name}"),
        };
    }

    private static string IntegerSample(long low, long high, double u) =>
        Math.Min(high, low + (long)Math.Floor(u * (high - low + 1))).ToString(System.Globalization.CultureInfo.InvariantCulture);

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

    private static TrialSpec Spec(ExperimentFile file, ComponentSection fileObjective, OptimizerEntry entry, List<KeyValuePair<string, string>> values, long seed)
    {
        var objective = fileObjective.Merge(entry.Objective);
        var dataset = file.Dataset is null ? entry.Dataset : file.Dataset.Merge(entry.Dataset);
        var training = file.Training.Merge(entry.Training);
        return new TrialSpec
        {
            Optimizer = entry.Id,
            Hyperparameters = values.ToDictionary(v => v.Key, v => v.Value),
            Objective = objective.Id ?? "",
            ObjectiveArgs = objective.Args,
            Dataset = dataset?.Id,
            DatasetArgs = dataset?.Args ?? new Dictionary<string, string>(),
            Training = new TrainingSettings(training.Steps, training.Epochs, training.BatchSize, training.RecordEvery, training.Autograd ?? false),
            Seed = seed,
            DType = training.DType ?? "float32",
            Device = training.Device ?? "cpu",
        };
    }

    /// <summary>The entry's label, or its id and the values it sets.</summary>
    private static string Describe(OptimizerEntry entry, List<KeyValuePair<string, string>> values)
    {
        string settings = string.Join(" ", values.Select(v => $"{v.Key}={v.Value}"));
        string head = entry.Label ?? entry.Id;
        return settings.Length == 0 ? head : $"{head} {settings}";
    }

    private static SourceLocation LocationOf(string message, OptimizerEntry entry, ComponentSection objective, ExperimentFile file)
    {
        foreach (var (name, space) in entry.Hyperparameters)
        {
            bool namesIt = message.Contains($" {name} ", StringComparison.Ordinal) || message.Contains($" {name}[", StringComparison.Ordinal) ||
                           message.Contains($"'{name}'", StringComparison.Ordinal);
            if (message.Contains($"optimizer '{entry.Id}'", StringComparison.Ordinal) && namesIt)
            {
                return space.Location;
            }
        }

        string[] trainingWords = ["steps", "epochs", "batch size", "record_every", "dtype", "device"];
        if (trainingWords.Any(w => message.Contains(w, StringComparison.Ordinal)))
        {
            return entry.Training?.Location ?? file.Training.Location;
        }

        if (message.Contains("objective '", StringComparison.Ordinal))
        {
            return entry.Objective?.Location ?? objective.Location;
        }

        if (message.Contains("dataset", StringComparison.Ordinal))
        {
            return entry.Dataset?.Location ?? file.Dataset?.Location ?? entry.Location;
        }

        return entry.Training?.Location ?? (message.Contains("optimizer", StringComparison.Ordinal) ? entry.Location : file.Training.Location);
    }
}
