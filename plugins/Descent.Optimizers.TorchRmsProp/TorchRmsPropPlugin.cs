using Descent.Contracts;

namespace Descent.Optimizers.TorchRmsProp;

/// <summary>Registers the <c>torch-rmsprop</c> optimizer.</summary>
public sealed class TorchRmsPropPlugin() : OptimizerPlugin<TorchRmsProp, TorchRmsPropOptions>(
    id: "torch-rmsprop",
    version: "1.0.0",
    description: "torch.optim.RMSprop: alpha, eps, momentum, centered (PyTorch defaults; eps outside the root)");
