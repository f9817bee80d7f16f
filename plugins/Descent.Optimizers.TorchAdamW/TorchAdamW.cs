using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchAdamW;

/// <summary>torch.optim.AdamW, decoupled weight decay (PyTorch defaults; Loshchilov and Hutter 2019).</summary>
public sealed class TorchAdamW(TorchAdamWOptions o, ParameterSet parameters) : TorchOptimizer(optim.AdamW(parameters, o.Lr, o.Betas[0], o.Betas[1], o.Eps, o.WeightDecay, o.Amsgrad, o.Maximize));
