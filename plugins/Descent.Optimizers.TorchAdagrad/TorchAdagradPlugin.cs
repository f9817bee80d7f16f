using Descent.Contracts;

namespace Descent.Optimizers.TorchAdagrad;

/// <summary>Registers the <c>torch-adagrad</c> optimizer.</summary>
public sealed class TorchAdagradPlugin() : OptimizerPlugin<TorchAdagrad, TorchAdagradOptions>(
    id: "torch-adagrad",
    version: "1.0.0",
    description: "torch.optim.Adagrad (PyTorch defaults; eps outside the root)");
