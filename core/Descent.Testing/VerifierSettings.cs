using Descent.Contracts;

namespace Descent.Testing;

/// <summary>How thoroughly <see cref="PluginVerifier"/> checks.</summary>
/// <param name="MemorySteps">Steps over which live tensors must stay flat (2,000 by default).</param>
/// <param name="SpeedReferences">Optimizer plugins to report the speed against (<c>descent verify</c> passes the bundled sgd and adam).</param>
public sealed record VerifierSettings(int MemorySteps, IReadOnlyList<IPlugin> SpeedReferences)
{
    /// <summary>2,000 steps, no speed references.</summary>
    public static VerifierSettings Default { get; } = new(2_000, []);
}
