namespace Descent.Contracts;

/// <summary>
/// The version of the plugin contracts. A plugin records the version it was compiled against
/// (through <see cref="PluginManifest.ContractVersion"/> and its reference to this assembly);
/// the host loads it when the major versions are equal and the plugin's minor version is not newer.
/// </summary>
public static class ContractInfo
{
    /// <summary>Incremented on a breaking change.</summary>
    public const int Major = 1;

    /// <summary>Incremented on an additive change.</summary>
    public const int Minor = 0;

    /// <summary><c>Major.Minor</c>; baked into a plugin's manifest when it is compiled.</summary>
    public const string Version = "1.0";
}
