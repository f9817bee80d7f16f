using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchAdadelta;

/// <summary>torch.optim.Adadelta (PyTorch defaults: lr 1, eps 1e-6).</summary>
public sealed class TorchAdadelta(TorchAdadeltaOptions o, ParameterSet parameters) : TorchOptimizer(optim.Adadelta(parameters, o.Lr, o.Rho, o.Eps, o.WeightDecay, o.Maximize));
