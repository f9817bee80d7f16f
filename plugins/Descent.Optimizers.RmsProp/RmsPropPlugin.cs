using Descent.Contracts;

namespace Descent.Optimizers.RmsProp;

/// <summary>Registers the <c>rmsprop</c> optimizer.</summary>
public sealed class RmsPropPlugin() : OptimizerPlugin<RmsProp, RmsPropOptions>(
    id: "rmsprop",
    version: "1.0.0",
    description: "RMSProp from scratch: s = gamma s + (1 - gamma) g^2; p -= lr * g / sqrt(s + eps) (d2l 7.6; Tieleman and Hinton 2012)");
