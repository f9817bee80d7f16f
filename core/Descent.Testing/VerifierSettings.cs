using Descent.Contracts;

namespace Descent.Testing;

/// <summary>How thoroughly <see cref="PluginVerifier"/> checks.</summary>
/// <param name="MemorySteps">Steps over which live tensors must stay flat (2,000 by default).</param>
/// <param name="SpeedReferences">Optimizer plugins to report the speed against (<c>descent verify</c> passes the bundled sgd and adam).</param>
/// <param name="Optimizers">Creates other optimizers by id, for optimizers that compose one (sam); <c>descent verify</c> passes the host's.</param>
public sealed record VerifierSettings(int MemorySteps, IReadOnlyList<IPlugin> SpeedReferences, IOptimizerFactory? Optimizers = null)
{
    /// <summary>2,000 steps, no speed references.</summary>
    public static VerifierSettings Default { get; } = new(2_000, []);
}
