using Descent.Contracts;

namespace Descent.Optimizers.AdaGrad;

/// <summary>Registers the <c>adagrad</c> optimizer.</summary>
public sealed class AdaGradPlugin() : OptimizerPlugin<AdaGrad, AdaGradOptions>(
    id: "adagrad",
    version: "1.0.0",
    description: "AdaGrad from scratch: s += g^2; p -= lr * g / sqrt(s + eps) (d2l 7.5; Duchi et al. 2011)");
