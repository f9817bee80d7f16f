using Descent.Contracts;

namespace Descent.Optimizers.TorchLbfgs;

/// <summary>Registers the <c>torch-lbfgs</c> optimizer.</summary>
public sealed class TorchLbfgsPlugin() : OptimizerPlugin<TorchLbfgs, TorchLbfgsOptions>(
    id: "torch-lbfgs",
    version: "1.0.0",
    description: "torch.optim.LBFGS with its strong Wolfe line search (PyTorch's options and defaults); steps with a closure");
