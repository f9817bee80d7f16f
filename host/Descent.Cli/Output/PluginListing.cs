using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Plugins;

namespace Descent.Cli.Output;

/// <summary>One plugin as <c>descent plugins --json</c> lists it.</summary>
public sealed record PluginListing(
    string Kind,
    string Id,
    string Version,
    string ContractVersion,
    string Description,
    string Source,
    string Sha256,
    bool? RequiresDataset,
    IReadOnlyList<HyperparameterListing> Hyperparameters)
{
    /// <summary>The listing of a loaded plugin.</summary>
    public static PluginListing From(LoadedPlugin plugin) => new(
        plugin.Kind.ToString().ToLowerInvariant(),
        plugin.Id,
        plugin.Version,
        plugin.Manifest.ContractVersion,
        plugin.Manifest.Description,
        plugin.AssemblyPath,
        plugin.AssemblySha256,
        (plugin.Instance as IObjectivePlugin)?.RequiresDataset,
        plugin.Schema.Hyperparameters.Select(HyperparameterListing.From).ToArray());
}

/// <summary>One hyperparameter in a <see cref="PluginListing"/>.</summary>
public sealed record HyperparameterListing(
    string Name,
    string Type,
    object? Default,
    string Range,
    double? Minimum,
    double? Maximum,
    bool MinimumExclusive,
    bool MaximumExclusive,
    IReadOnlyList<string>? Choices,
    string Description)
{
    /// <summary>The listing of a descriptor; the default keeps its JSON type (number, bool, array, string).</summary>
    public static HyperparameterListing From(HyperparameterDescriptor h) => new(
        h.Name,
        h.TypeName,
        h.Default is Enum e ? ValueFormat.Value(e) : h.Default,
        h.RangeText,
        double.IsFinite(h.Minimum) ? h.Minimum : null,
        double.IsFinite(h.Maximum) ? h.Maximum : null,
        h.MinimumExclusive,
        h.MaximumExclusive,
        h.Choices.Count > 0 ? h.Choices : null,
        h.Description);
}
