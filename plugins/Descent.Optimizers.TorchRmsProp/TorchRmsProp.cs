using Descent.Contracts;

namespace Descent.Optimizers.TorchRmsProp;

/// <summary>torch.optim.RMSprop: alpha, eps, momentum, centered (PyTorch defaults; eps outside the root).</summary>
public sealed class TorchRmsProp(TorchRmsPropOptions o, ParameterSet parameters) : TorchOptimizer(new RMSProp(parameters, o));
