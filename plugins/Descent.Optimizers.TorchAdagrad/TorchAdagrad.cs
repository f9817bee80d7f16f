using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchAdagrad;

/// <summary>torch.optim.Adagrad (PyTorch defaults; eps outside the root).</summary>
public sealed class TorchAdagrad(TorchAdagradOptions o, ParameterSet parameters) : TorchOptimizer(optim.Adagrad(parameters, o.Lr, o.LrDecay, o.WeightDecay, o.InitialAccumulatorValue, o.Eps));
