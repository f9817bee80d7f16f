using Descent.Contracts;

namespace Descent.Optimizers.TorchSgd;

/// <summary>torch.optim.SGD: momentum, dampening, Nesterov, weight decay (PyTorch defaults).</summary>
public sealed class TorchSgd(TorchSgdOptions o, ParameterSet parameters) : TorchOptimizer(new SGD(parameters, o));
