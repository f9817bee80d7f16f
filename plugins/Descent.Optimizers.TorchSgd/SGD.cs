using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchSgd;

/// <summary>
/// TorchSharp 0.107's SGD whose step holds its Scalars (<see cref="HeldScalars"/>): its step line for
/// line, the same operations on the same values in the same order, so the same bits and the same state.
/// Named as TorchSharp's class because saved state starts with the class name: state saved by either
/// loads in the other.
/// </summary>
internal sealed class SGD(ParameterSet parameters, TorchSgdOptions o)
    : TorchSharp.Modules.SGD(parameters, o.Lr, o.Momentum, o.Dampening, o.WeightDecay, o.Nesterov, o.Maximize)
{
    public override Tensor step(Func<Tensor>? closure = null)
    {
        using var s = new HeldScalars();
        return _step<ParamGroup>(group =>
        {
            var options = group.Options;
            double momentum = options.momentum!.Value, dampening = options.dampening!.Value;
            double weightDecay = options.weight_decay!.Value, lr = options.LearningRate!.Value;
            bool nesterov = options.nesterov!.Value, maximize = options.maximize!.Value;

            foreach (var param in group.Parameters)
            {
                var state = (State)_state[param.Handle];
                var grad = param.grad;
                if (grad is null)
                {
                    continue;
                }

                if (weightDecay != 0)
                {
                    grad = grad.add(param, alpha: s.Hold(weightDecay));
                }

                if (momentum != 0)
                {
                    var buf = state.momentum_buffer;
                    if (buf is null)
                    {
                        buf = grad.clone().detach().DetachFromDisposeScope();
                        state.momentum_buffer = buf;
                    }
                    else
                    {
                        buf.mul_(s.Hold(momentum)).add_(grad, alpha: s.Hold(1 - dampening));
                    }

                    grad = nesterov ? grad.add(buf, alpha: s.Hold(momentum)) : buf;
                }

                param.add_(grad, alpha: s.Hold(maximize ? lr : -lr));
            }
        }, closure);
    }
}
