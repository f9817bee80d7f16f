using Descent.Contracts;

namespace Descent.Optimizers.Sgd;

/// <summary>Registers the <c>sgd</c> optimizer.</summary>
public sealed class SgdPlugin() : OptimizerPlugin<Sgd, SgdOptions>(
    id: "sgd",
    version: "1.0.0",
    description: "Minibatch SGD from scratch: p -= lr * g (d2l 7.3)");
