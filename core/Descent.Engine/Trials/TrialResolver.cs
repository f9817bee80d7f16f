using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Plugins;
using static TorchSharp.torch;

namespace Descent.Engine.Trials;

/// <summary>
/// Checks a <see cref="TrialSpec"/> against the loaded plugins: ids exist and have the right kind,
/// every value parses and lies in its range, the training settings fit the objective. Collects every
/// problem and throws them together.
/// </summary>
public static class TrialResolver
{
    /// <summary>The resolved trial.</summary>
    /// <exception cref="TrialConfigurationException">Something is wrong; <see cref="TrialConfigurationException.Problems"/> lists it all.</exception>
    public static ResolvedTrial Resolve(TrialSpec spec, PluginCatalog catalog)
    {
        var problems = new List<ConfigurationProblem>();
        var optimizer = Component(catalog, PluginKind.Optimizer, spec.Optimizer, spec.OptimizerValues(), problems);
        var objective = Component(catalog, PluginKind.Objective, spec.Objective, Text(spec.ObjectiveArgs), problems);

        ResolvedComponent? dataset = null;
        bool? needsData = (objective?.Plugin.Instance as IObjectivePlugin)?.RequiresDataset;
        if (needsData == true)
        {
            if (string.IsNullOrEmpty(spec.Dataset))
            {
                problems.Add(ConfigurationProblem.OfPlugin(PluginKind.Objective, spec.Objective,
                    $"objective '{spec.Objective}' trains on data: name a dataset (available: {Available(catalog, PluginKind.Dataset)})"));
            }
            else
            {
                dataset = Component(catalog, PluginKind.Dataset, spec.Dataset, Text(spec.DatasetArgs), problems);
            }
        }
        else if (needsData == false && !string.IsNullOrEmpty(spec.Dataset))
        {
            problems.Add(ConfigurationProblem.OfPlugin(PluginKind.Dataset, spec.Dataset,
                $"objective '{spec.Objective}' is analytic and takes no dataset, but dataset '{spec.Dataset}' was given; remove it"));
        }

        var schedule = string.IsNullOrEmpty(spec.Schedule) ? null : ScheduleCheck.Resolve(catalog, spec, optimizer, problems);
        var dtype = ParseDType(spec.DType, problems);
        string device = CheckDevice(spec.Device, problems);
        var training = needsData switch
        {
            true => CheckDataTraining(spec, problems),
            false => CheckAnalyticTraining(spec, problems),
            null => spec.Training,
        };

        if (problems.Count > 0)
        {
            throw new TrialConfigurationException(problems);
        }

        return new ResolvedTrial(spec, optimizer!, objective!, dataset, dtype, device, training, spec.Seed) { Schedule = schedule };
    }

    /// <summary>The loaded plugin <paramref name="id"/> of kind <paramref name="kind"/>, or null with the problem added (and a "did you mean").</summary>
    public static LoadedPlugin? Plugin(PluginCatalog catalog, PluginKind kind, string id, ICollection<ConfigurationProblem> problems)
    {
        var plugin = catalog.Find(id);
        if (plugin is not null && plugin.Kind == kind)
        {
            return plugin;
        }

        string kindName = kind.ToString().ToLowerInvariant();
        if (plugin is null && catalog.FailureOf(id) is { } skipped)
        {
            problems.Add(ConfigurationProblem.OfPlugin(kind, id, $"{kindName} '{id}' was skipped when the plugins loaded: {skipped.Reason} ({skipped.Path})"));
            return null;
        }

        var ids = catalog.OfKind(kind).Select(p => p.Id).ToArray();
        string? suggestion = Suggestions.Closest(id, ids);
        string what = plugin is null
            ? $"unknown {kindName} '{id}'"
            : $"'{id}' is {WithArticle(plugin.Kind.ToString().ToLowerInvariant())} plugin, not {WithArticle(kindName)}";
        problems.Add(ConfigurationProblem.OfPlugin(kind, id, $"{what}{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; available: {Available(catalog, kind)}"));
        return null;
    }

    /// <summary>Looks up a plugin of one kind and binds its options (see <see cref="OptionsBinder.Bind"/>); adds problems to <paramref name="problems"/>.</summary>
    public static ResolvedComponent? Component(
        PluginCatalog catalog, PluginKind kind, string id, IEnumerable<KeyValuePair<string, object>> values, ICollection<ConfigurationProblem> problems)
    {
        var plugin = Plugin(catalog, kind, id, problems);
        var bound = plugin is null ? null : OptionsBinder.Bind(plugin.Schema, kind, id, values, problems);
        return bound is null ? null : new ResolvedComponent(plugin!, bound);
    }

    /// <summary>Text values as the binder takes them.</summary>
    public static IEnumerable<KeyValuePair<string, object>> Text(IReadOnlyDictionary<string, string> values) =>
        values.Select(v => new KeyValuePair<string, object>(v.Key, v.Value));

    private static string WithArticle(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    private static string Available(PluginCatalog catalog, PluginKind kind)
    {
        var ids = catalog.OfKind(kind).Select(p => p.Id).ToArray();
        return ids.Length == 0 ? "none loaded" : string.Join(", ", ids);
    }

    private static ScalarType ParseDType(string text, ICollection<ConfigurationProblem> problems)
    {
        switch (text)
        {
            case "float32":
                return ScalarType.Float32;
            case "float64":
                return ScalarType.Float64;
            default:
                problems.Add(ConfigurationProblem.OfSetting("dtype", $"invalid dtype '{text}'; valid values: float32, float64"));
                return ScalarType.Float32;
        }
    }

    private static string CheckDevice(string text, ICollection<ConfigurationProblem> problems)
    {
        if (text == "cpu")
        {
            return text;
        }

        if (text == "cuda" || (text.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(5), out int index) && index >= 0))
        {
            if (!cuda.is_available())
            {
                problems.Add(ConfigurationProblem.OfSetting("device",
                    $"device '{text}' requested, but CUDA is not available: this build uses the CPU libtorch or no NVIDIA GPU is visible. " +
                    "Use --device cpu, or on a CUDA machine build with -p:DescentTorchBackend=cuda"));
            }

            return text;
        }

        problems.Add(ConfigurationProblem.OfSetting("device", $"invalid device '{text}'; valid values: cpu, cuda, cuda:N"));
        return "cpu";
    }

    private static TrainingSettings CheckAnalyticTraining(TrialSpec spec, ICollection<ConfigurationProblem> problems)
    {
        var t = spec.Training;
        if (t.Epochs is not null || t.BatchSize is not null)
        {
            problems.Add(ConfigurationProblem.OfSetting(t.Epochs is not null ? "epochs" : "batch_size",
                $"objective '{spec.Objective}' is analytic (no data): give steps, not epochs or a batch size"));
        }

        if (t.Steps is null)
        {
            problems.Add(ConfigurationProblem.OfSetting("steps", $"objective '{spec.Objective}' is analytic: give the number of steps (at least 1)"));
        }
        else if (t.Steps < 1)
        {
            problems.Add(ConfigurationProblem.OfSetting("steps", $"invalid steps = {t.Steps}; valid range is [1, inf)"));
        }

        return t with { RecordEvery = 1 };
    }

    private static TrainingSettings CheckDataTraining(TrialSpec spec, ICollection<ConfigurationProblem> problems)
    {
        var t = spec.Training;
        if (t.Steps is not null)
        {
            problems.Add(ConfigurationProblem.OfSetting("steps", $"objective '{spec.Objective}' trains on data: give epochs and a batch size, not steps"));
        }

        var resolved = new TrainingSettings(
            Steps: null,
            Epochs: t.Epochs ?? TrainingSettings.DefaultEpochs,
            BatchSize: t.BatchSize ?? TrainingSettings.DefaultBatchSize,
            RecordEvery: t.RecordEvery ?? TrainingSettings.DefaultRecordEvery,
            Autograd: t.Autograd) { EvalEvery = t.EvalEvery, EvalBatchSize = t.EvalBatchSize };
        if (resolved.Epochs < 1)
        {
            problems.Add(ConfigurationProblem.OfSetting("epochs", $"invalid epochs = {resolved.Epochs}; valid range is [1, inf)"));
        }

        if (resolved.BatchSize < 1)
        {
            problems.Add(ConfigurationProblem.OfSetting("batch_size", $"invalid batch size = {resolved.BatchSize}; valid range is [1, inf)"));
        }

        if (resolved.EvalEvery < 1 || resolved.EvalBatchSize < 1)
        {
            string name = resolved.EvalEvery < 1 ? "eval_every" : "eval_batch_size";
            problems.Add(ConfigurationProblem.OfSetting(name, $"invalid {name} = {(resolved.EvalEvery < 1 ? resolved.EvalEvery : resolved.EvalBatchSize)}; valid range is [1, inf)"));
        }

        if (resolved.RecordEvery < 1)
        {
            problems.Add(ConfigurationProblem.OfSetting("record_every", $"invalid record_every = {resolved.RecordEvery}; valid range is [1, inf)"));
        }

        return resolved;
    }
}
