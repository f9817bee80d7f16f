namespace Descent.Testing;

/// <summary>Everything <see cref="PluginVerifier.VerifyPath"/> found under a path.</summary>
/// <param name="Path">The verified path (a DLL or a folder).</param>
/// <param name="Plugins">One verification per plugin that loaded.</param>
/// <param name="LoadFailures">Plugins that did not load, each with its reason (a failure in itself).</param>
public sealed record VerificationReport(string Path, IReadOnlyList<PluginVerification> Plugins, IReadOnlyList<string> LoadFailures)
{
    /// <summary>True when something loaded, nothing failed to load and every check passed.</summary>
    public bool Passed => Plugins.Count > 0 && LoadFailures.Count == 0 && Plugins.All(p => p.Passed);
}
