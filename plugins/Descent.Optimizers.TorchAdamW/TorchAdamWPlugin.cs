using Descent.Contracts;

namespace Descent.Optimizers.TorchAdamW;

/// <summary>Registers the <c>torch-adamw</c> optimizer.</summary>
public sealed class TorchAdamWPlugin() : OptimizerPlugin<TorchAdamW, TorchAdamWOptions>(
    id: "torch-adamw",
    version: "1.0.0",
    description: "torch.optim.AdamW, decoupled weight decay (PyTorch defaults; Loshchilov and Hutter 2019)");
