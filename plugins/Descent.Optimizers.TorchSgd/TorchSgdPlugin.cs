using Descent.Contracts;

namespace Descent.Optimizers.TorchSgd;

/// <summary>Registers the <c>torch-sgd</c> optimizer.</summary>
public sealed class TorchSgdPlugin() : OptimizerPlugin<TorchSgd, TorchSgdOptions>(
    id: "torch-sgd",
    version: "1.0.0",
    description: "torch.optim.SGD: momentum, dampening, Nesterov, weight decay (PyTorch defaults)");
