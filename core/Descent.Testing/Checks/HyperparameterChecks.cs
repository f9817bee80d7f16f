using Descent.Contracts;
using Descent.Engine.Options;

namespace Descent.Testing.Checks;

/// <summary>
/// The options class: readable as a schema (supported types, no null defaults), defaults that pass their
/// own validation, a documented range and description for each number, and PyTorch's names.
/// </summary>
internal static class HyperparameterChecks
{
    /// <summary>Names PyTorch spells otherwise, and PyTorch's spelling.</summary>
    private static readonly Dictionary<string, string> PyTorchNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["learning_rate"] = "lr", ["learningrate"] = "lr", ["learning-rate"] = "lr", ["eta"] = "lr", ["step_size"] = "lr",
        ["epsilon"] = "eps", ["beta1"] = "betas", ["beta2"] = "betas", ["beta_1"] = "betas", ["beta_2"] = "betas",
        ["weightdecay"] = "weight_decay", ["weight-decay"] = "weight_decay", ["wd"] = "weight_decay", ["l2"] = "weight_decay",
        ["mu"] = "momentum",
    };

    /// <summary>The schema, or null with the failure added.</summary>
    public static OptionsSchema? Schema(IPlugin plugin, ICollection<CheckResult> results)
    {
        try
        {
            var schema = OptionsSchema.For(plugin.OptionsType);
            results.Add(CheckResult.Passed("options class", $"{plugin.OptionsType.Name}: {schema.Hyperparameters.Count} hyperparameters ({string.Join(", ", schema.Hyperparameters.Select(h => h.Name))})"));
            return schema;
        }
        catch (InvalidOperationException e)
        {
            results.Add(CheckResult.Failed("options class", e.Message, "see the hyperparameter kinds in the README's plugin section"));
            return null;
        }
    }

    public static IEnumerable<CheckResult> Run(IPlugin plugin, OptionsSchema schema)
    {
        var problems = new List<ConfigurationProblem>();
        OptionsBinder.Bind(schema, plugin.Manifest.Kind, plugin.Manifest.Id, [], problems);
        // A dataset or objective may need a value only its user can give (the path of a CSV file); an optimizer never does.
        bool required = plugin.Manifest.Kind is PluginKind.Dataset or PluginKind.Objective;
        yield return problems.Count == 0
            ? CheckResult.Passed("defaults valid", "the defaults pass the declared ranges and the options' own validation")
            : required
                ? CheckResult.Warned("defaults valid", "needs settings to run: " + string.Join("; ", problems.Select(p => p.Message)), "say in the description which settings a user must give")
                : CheckResult.Failed("defaults valid", string.Join("; ", problems.Select(p => p.Message)), "make every default a value the option accepts");

        var unranged = schema.Hyperparameters
            .Where(h => h.Type is HyperparameterType.Real or HyperparameterType.Integer or HyperparameterType.RealList or HyperparameterType.IntegerList && !h.IsBounded)
            .Select(h => h.Name).ToArray();
        yield return unranged.Length == 0
            ? CheckResult.Passed("ranges", "every number declares its valid range")
            : CheckResult.Warned("ranges", $"no range declared for {string.Join(", ", unranged)}", "set Minimum/Maximum (and MinimumExclusive) on [Hyperparameter], e.g. Minimum = 0 for a learning rate");

        var undocumented = schema.Hyperparameters.Where(h => string.IsNullOrWhiteSpace(h.Description)).Select(h => h.Name).ToArray();
        yield return undocumented.Length == 0
            ? CheckResult.Passed("descriptions", "every hyperparameter has a description")
            : CheckResult.Warned("descriptions", $"no description for {string.Join(", ", undocumented)}", "set Description on [Hyperparameter]: one line, with the paper's symbol");

        var renamed = schema.Hyperparameters.Where(h => PyTorchNames.ContainsKey(h.Name)).Select(h => $"'{h.Name}' (PyTorch: {PyTorchNames[h.Name]})").ToArray();
        yield return renamed.Length == 0
            ? CheckResult.Passed("PyTorch names", "no hyperparameter uses a non-PyTorch name that PyTorch has a name for")
            : CheckResult.Warned("PyTorch names", $"named otherwise than in PyTorch: {string.Join(", ", renamed)}", "use PyTorch's names so that runs line up with PyTorch's in MLflow");
    }
}
