namespace Descent.Contracts;

/// <summary>
/// Entry point of an optimizer plugin. <typeparamref name="TOptimizer"/> needs a public constructor
/// taking <typeparamref name="TOptions"/> and <see cref="ParameterSet"/> (and any registered services).
/// </summary>
/// <example><code>
/// public sealed class SignSgdPlugin() : OptimizerPlugin&lt;SignSgd, SignSgdOptions&gt;("signsgd", "1.0.0", "sign of the gradient times lr");
/// </code></example>
public abstract class OptimizerPlugin<TOptimizer, TOptions> : Plugin<TOptimizer, TOptions>
    where TOptimizer : class, IOptimizer
    where TOptions : class, new()
{
    /// <summary>Declares the optimizer. Leave <paramref name="contractVersion"/> to its default.</summary>
    protected OptimizerPlugin(string id, string version, string description, string contractVersion = ContractInfo.Version)
        : base(PluginKind.Optimizer, id, version, description, contractVersion)
    {
    }
}
