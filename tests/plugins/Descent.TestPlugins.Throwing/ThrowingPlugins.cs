using Descent.Contracts;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Throwing;

public sealed class Plain(PlainOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(options.Lr));
}

public sealed class PlainOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class ThrowsWhileRegisteringPlugin() : OptimizerPlugin<Plain, PlainOptions>("throws-registering", "1.0.0", "throws in ConfigureServices")
{
    public override void ConfigureServices(IServiceCollection services) =>
        throw new InvalidOperationException("registration exploded");
}

public sealed class ThrowsWhenCreatedPlugin : OptimizerPlugin<Plain, PlainOptions>
{
    public ThrowsWhenCreatedPlugin()
        : base("throws-created", "1.0.0", "throws in its constructor") =>
        throw new InvalidOperationException("constructor exploded");
}

public sealed class SurvivorPlugin() : OptimizerPlugin<Plain, PlainOptions>("survivor", "1.0.0", "loads fine beside the broken ones");
