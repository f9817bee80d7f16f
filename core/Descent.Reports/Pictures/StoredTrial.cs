using System.Globalization;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Descent.Reports.Reading;

namespace Descent.Reports.Pictures;

/// <summary>
/// A trial rebuilt from a run's params (optimizer and hyperparameters, <c>objective</c> and
/// <c>objective.*</c>, dataset, training settings, seed), so that its objective can be sampled again to
/// draw contours under the stored path, on any machine that has the plugins.
/// </summary>
public static class StoredTrial
{
    /// <summary>The trial's spec, as its params record it.</summary>
    public static TrialSpec Spec(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new TrialSpec
        {
            Optimizer = parameters.GetValueOrDefault("optimizer") ?? "",
            Hyperparameters = ConfigurationLabel.Hyperparameters(parameters).ToDictionary(StringComparer.Ordinal),
            Objective = parameters.GetValueOrDefault("objective") ?? "",
            ObjectiveArgs = Prefixed(parameters, "objective."),
            Dataset = parameters.GetValueOrDefault("dataset"),
            DatasetArgs = Prefixed(parameters, "dataset."),
            Training = new TrainingSettings(
                Integer(parameters, "steps"), Integer(parameters, "epochs"), Integer(parameters, "batch_size"), Integer(parameters, "record_every"),
                parameters.GetValueOrDefault("autograd") == "true"),
            Seed = long.TryParse(parameters.GetValueOrDefault("seed"), NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed) ? seed : 0,
            DType = parameters.GetValueOrDefault("dtype") ?? "float64",
        };
    }

    /// <summary>The trial, resolved against the loaded plugins.</summary>
    /// <exception cref="TrialConfigurationException">A plugin is missing here or no longer accepts the values.</exception>
    public static ResolvedTrial Resolve(IReadOnlyDictionary<string, string> parameters, PluginCatalog catalog) => TrialResolver.Resolve(Spec(parameters), catalog);

    private static Dictionary<string, string> Prefixed(IReadOnlyDictionary<string, string> parameters, string prefix) =>
        parameters.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Key != prefix + "version")
            .ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);

    private static int? Integer(IReadOnlyDictionary<string, string> parameters, string key) =>
        int.TryParse(parameters.GetValueOrDefault(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
