using Descent.Contracts;

namespace Descent.Optimizers.Momentum;

/// <summary>Registers the <c>momentum</c> optimizer.</summary>
public sealed class MomentumPlugin() : OptimizerPlugin<Momentum, MomentumOptions>(
    id: "momentum",
    version: "1.0.1",
    description: "SGD with momentum from scratch: v = momentum * v + lr * g; p -= v (d2l 7.4)");
