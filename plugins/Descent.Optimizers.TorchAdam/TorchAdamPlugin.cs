using Descent.Contracts;

namespace Descent.Optimizers.TorchAdam;

/// <summary>Registers the <c>torch-adam</c> optimizer.</summary>
public sealed class TorchAdamPlugin() : OptimizerPlugin<TorchAdam, TorchAdamOptions>(
    id: "torch-adam",
    version: "1.0.0",
    description: "torch.optim.Adam with AMSGrad option (PyTorch defaults)");
