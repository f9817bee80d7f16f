using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchAdam;

/// <summary>torch.optim.Adam with AMSGrad option (PyTorch defaults).</summary>
public sealed class TorchAdam(TorchAdamOptions o, ParameterSet parameters) : TorchOptimizer(optim.Adam(parameters, o.Lr, o.Betas[0], o.Betas[1], o.Eps, o.WeightDecay, o.Amsgrad, o.Maximize));
