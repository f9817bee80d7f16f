using Descent.Contracts;

namespace Descent.Optimizers.TorchAdagrad;

/// <summary>torch.optim.Adagrad (PyTorch defaults; eps outside the root).</summary>
public sealed class TorchAdagrad(TorchAdagradOptions o, ParameterSet parameters) : TorchOptimizer(new Adagrad(parameters, o));
