using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.BadDefaults;

/// <summary>Refuses eps = 0 in its constructor, although its options allow it and default to it.</summary>
public sealed class StrictEps : SlotOptimizer
{
    private readonly StrictEpsOptions options;

    public StrictEps(StrictEpsOptions options, ParameterSet parameters)
        : base(parameters, 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Eps, 0, "eps");
        this.options = options;
    }

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) =>
        parameter.sub_(gradient.div(gradient.abs().add(options.Eps)).mul(options.Lr));
}

public sealed class StrictEpsOptions
{
    [Hyperparameter("lr", Description = "step length", Minimum = 0)]
    public double Lr { get; set; } = 0.1;

    [Hyperparameter("eps", Description = "added to |g|", Minimum = 0)]
    public double Eps { get; set; }
}

public sealed class StrictEpsPlugin() : OptimizerPlugin<StrictEps, StrictEpsOptions>("strict-eps", "1.0.0", "throws in its constructor for its default eps = 0");

/// <summary>A plain gradient step; its options are the broken part.</summary>
public sealed class PlainStep(NullBetasOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(options.Lr));
}

public sealed class NullBetasOptions
{
    [Hyperparameter("lr", Description = "step length", Minimum = 0)]
    public double Lr { get; set; } = 0.1;

    [Hyperparameter("betas", Description = "decay rates", Length = 2)]
    public double[] Betas { get; set; } = null!;
}

public sealed class NullBetasPlugin() : OptimizerPlugin<PlainStep, NullBetasOptions>("null-betas", "1.0.0", "its array hyperparameter defaults to null");

/// <summary>Works, but any learning rate is accepted, negative ones included.</summary>
public sealed class Unbounded(UnboundedOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(options.Lr));
}

public sealed class UnboundedOptions
{
    [Hyperparameter("lr", Description = "step length")]
    public double Lr { get; set; } = 0.1;
}

public sealed class UnboundedPlugin() : OptimizerPlugin<Unbounded, UnboundedOptions>("unbounded-lr", "1.0.0", "its learning rate has no range");
