using Descent.Contracts;

namespace Descent.Optimizers.TorchAdamW;

/// <summary>torch.optim.AdamW, decoupled weight decay (PyTorch defaults; Loshchilov and Hutter 2019).</summary>
public sealed class TorchAdamW(TorchAdamWOptions o, ParameterSet parameters) : TorchOptimizer(new AdamW(parameters, o));
