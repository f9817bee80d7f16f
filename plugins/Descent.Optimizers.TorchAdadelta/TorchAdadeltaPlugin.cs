using Descent.Contracts;

namespace Descent.Optimizers.TorchAdadelta;

/// <summary>Registers the <c>torch-adadelta</c> optimizer.</summary>
public sealed class TorchAdadeltaPlugin() : OptimizerPlugin<TorchAdadelta, TorchAdadeltaOptions>(
    id: "torch-adadelta",
    version: "1.0.0",
    description: "torch.optim.Adadelta (PyTorch defaults: lr 1, eps 1e-6)");
