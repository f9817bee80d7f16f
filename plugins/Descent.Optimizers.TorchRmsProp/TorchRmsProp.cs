using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchRmsProp;

/// <summary>torch.optim.RMSprop: alpha, eps, momentum, centered (PyTorch defaults; eps outside the root).</summary>
public sealed class TorchRmsProp(TorchRmsPropOptions o, ParameterSet parameters) : TorchOptimizer(optim.RMSProp(parameters, o.Lr, o.Alpha, o.Eps, o.WeightDecay, o.Momentum, o.Centered, o.Maximize));
