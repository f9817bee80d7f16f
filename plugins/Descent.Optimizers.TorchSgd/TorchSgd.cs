using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchSgd;

/// <summary>torch.optim.SGD: momentum, dampening, Nesterov, weight decay (PyTorch defaults).</summary>
public sealed class TorchSgd(TorchSgdOptions o, ParameterSet parameters) : TorchOptimizer(optim.SGD(parameters, o.Lr, o.Momentum, o.Dampening, o.WeightDecay, o.Nesterov, o.Maximize));
