using Descent.Contracts;

namespace Descent.Optimizers.TorchAdam;

/// <summary>torch.optim.Adam with AMSGrad option (PyTorch defaults).</summary>
public sealed class TorchAdam(TorchAdamOptions o, ParameterSet parameters) : TorchOptimizer(new Adam(parameters, o));
