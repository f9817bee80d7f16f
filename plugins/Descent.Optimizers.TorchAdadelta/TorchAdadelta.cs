using Descent.Contracts;

namespace Descent.Optimizers.TorchAdadelta;

/// <summary>torch.optim.Adadelta (PyTorch defaults: lr 1, eps 1e-6).</summary>
public sealed class TorchAdadelta(TorchAdadeltaOptions o, ParameterSet parameters) : TorchOptimizer(new Adadelta(parameters, o));
