namespace Descent.Contracts;

/// <summary>
/// Who a plugin is: its id (what experiment files and the command line call it), its own version,
/// and the contract version it was compiled against.
/// </summary>
/// <param name="Id">Lower-case id, unique among loaded plugins of every kind, e.g. <c>adam</c>.</param>
/// <param name="Kind">What the plugin contributes.</param>
/// <param name="Version">The plugin's version (semantic versioning), logged with every trial.</param>
/// <param name="ContractVersion">The <see cref="ContractInfo.Version"/> the plugin was compiled against.</param>
/// <param name="Description">One line for listings, ideally with the reference (paper or book section).</param>
public sealed record PluginManifest(
    string Id,
    PluginKind Kind,
    string Version,
    string ContractVersion,
    string Description);
