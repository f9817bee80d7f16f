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
    /// <exception cref="TrialConfigurationException">Something is wrong; <see cref="TrialConfigurationException.Errors"/> lists it all.</exception>
    public static ResolvedTrial Resolve(TrialSpec spec, PluginCatalog catalog)
    {
        var errors = new List<string>();
        var optimizer = Component(catalog, PluginKind.Optimizer, spec.Optimizer, spec.Hyperparameters, errors);
        var objective = Component(catalog, PluginKind.Objective, spec.Objective, spec.ObjectiveArgs, errors);

        ResolvedComponent? dataset = null;
        bool? needsData = (objective?.Plugin.Instance as IObjectivePlugin)?.RequiresDataset;
        if (needsData == true)
        {
            if (string.IsNullOrEmpty(spec.Dataset))
            {
                errors.Add($"objective '{spec.Objective}' trains on data: name a dataset (available: {Available(catalog, PluginKind.Dataset)})");
            }
            else
            {
                dataset = Component(catalog, PluginKind.Dataset, spec.Dataset, spec.DatasetArgs, errors);
            }
        }
        else if (needsData == false && !string.IsNullOrEmpty(spec.Dataset))
        {
            errors.Add($"objective '{spec.Objective}' is analytic and takes no dataset, but dataset '{spec.Dataset}' was given; remove it");
        }

        var dtype = ParseDType(spec.DType, errors);
        string device = CheckDevice(spec.Device, errors);
        var training = needsData switch
        {
            true => CheckDataTraining(spec, errors),
            false => CheckAnalyticTraining(spec, errors),
            null => spec.Training,
        };

        if (errors.Count > 0)
        {
            throw new TrialConfigurationException(errors);
        }

        return new ResolvedTrial(spec, optimizer!, objective!, dataset, dtype, device, training, spec.Seed);
    }

    /// <summary>Looks up a plugin of one kind and binds its options; adds problems to <paramref name="errors"/>.</summary>
    public static ResolvedComponent? Component(
        PluginCatalog catalog, PluginKind kind, string id, IReadOnlyDictionary<string, string> values, ICollection<string> errors)
    {
        string kindName = kind.ToString().ToLowerInvariant();
        var plugin = catalog.Find(id);
        if (plugin is null || plugin.Kind != kind)
        {
            var ids = catalog.OfKind(kind).Select(p => p.Id).ToArray();
            string? suggestion = Suggestions.Closest(id, ids);
            string what = plugin is null
                ? $"unknown {kindName} '{id}'"
                : $"'{id}' is {WithArticle(plugin.Kind.ToString().ToLowerInvariant())} plugin, not {WithArticle(kindName)}";
            errors.Add($"{what}{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; available: {Available(catalog, kind)}");
            return null;
        }

        var bound = OptionsBinder.Bind(plugin.Schema, $"{kindName} '{id}'", values, errors);
        return bound is null ? null : new ResolvedComponent(plugin, bound);
    }

    private static string WithArticle(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    private static string Available(PluginCatalog catalog, PluginKind kind)
    {
        var ids = catalog.OfKind(kind).Select(p => p.Id).ToArray();
        return ids.Length == 0 ? "none loaded" : string.Join(", ", ids);
    }

    private static ScalarType ParseDType(string text, ICollection<string> errors)
    {
        switch (text)
        {
            case "float32":
                return ScalarType.Float32;
            case "float64":
                return ScalarType.Float64;
            default:
                errors.Add($"invalid dtype '{text}'; valid values: float32, float64");
                return ScalarType.Float32;
        }
    }

    private static string CheckDevice(string text, ICollection<string> errors)
    {
        if (text == "cpu")
        {
            return text;
        }

        if (text == "cuda" || (text.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(5), out int index) && index >= 0))
        {
            if (!cuda.is_available())
            {
                errors.Add($"device '{text}' requested, but CUDA is not available: this build uses the CPU libtorch or no NVIDIA GPU is visible. " +
                           "Use --device cpu, or on a CUDA machine build with -p:DescentTorchBackend=cuda");
            }

            return text;
        }

        errors.Add($"invalid device '{text}'; valid values: cpu, cuda, cuda:N");
        return "cpu";
    }

    private static TrainingSettings CheckAnalyticTraining(TrialSpec spec, ICollection<string> errors)
    {
        var t = spec.Training;
        if (t.Epochs is not null || t.BatchSize is not null)
        {
            errors.Add($"objective '{spec.Objective}' is analytic (no data): give steps, not epochs or a batch size");
        }

        if (t.Steps is null)
        {
            errors.Add($"objective '{spec.Objective}' is analytic: give the number of steps (at least 1)");
        }
        else if (t.Steps < 1)
        {
            errors.Add($"invalid steps = {t.Steps}; valid range is [1, inf)");
        }

        return t with { RecordEvery = 1 };
    }

    private static TrainingSettings CheckDataTraining(TrialSpec spec, ICollection<string> errors)
    {
        var t = spec.Training;
        if (t.Steps is not null)
        {
            errors.Add($"objective '{spec.Objective}' trains on data: give epochs and a batch size, not steps");
        }

        var resolved = new TrainingSettings(
            Steps: null,
            Epochs: t.Epochs ?? TrainingSettings.DefaultEpochs,
            BatchSize: t.BatchSize ?? TrainingSettings.DefaultBatchSize,
            RecordEvery: t.RecordEvery ?? TrainingSettings.DefaultRecordEvery,
            Autograd: t.Autograd);
        if (resolved.Epochs < 1)
        {
            errors.Add($"invalid epochs = {resolved.Epochs}; valid range is [1, inf)");
        }

        if (resolved.BatchSize < 1)
        {
            errors.Add($"invalid batch size = {resolved.BatchSize}; valid range is [1, inf)");
        }

        if (resolved.RecordEvery < 1)
        {
            errors.Add($"invalid record_every = {resolved.RecordEvery}; valid range is [1, inf)");
        }

        return resolved;
    }
}
