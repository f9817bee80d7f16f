using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchRmsProp;

/// <summary>
/// TorchSharp 0.107's RMSProp whose step holds its Scalars (<see cref="HeldScalars"/>): its step line for
/// line, the same operations on the same values in the same order, so the same bits and the same state.
/// Named as TorchSharp's class because saved state starts with the class name: state saved by either
/// loads in the other.
/// </summary>
internal sealed class RMSProp(ParameterSet parameters, TorchRmsPropOptions o)
    : TorchSharp.Modules.RMSProp(parameters, o.Lr, o.Alpha, o.Eps, o.WeightDecay, o.Momentum, o.Centered, o.Maximize)
{
    public override Tensor step(Func<Tensor>? closure = null)
    {
        using var s = new HeldScalars();
        return _step<ParamGroup>(group =>
        {
            var options = group.Options;
            double momentum = options.momentum!.Value, alpha = options.alpha!.Value, weightDecay = options.weight_decay!.Value;
            double eps = options.eps!.Value, lr = options.LearningRate!.Value;
            bool centered = options.centered!.Value, maximize = options.maximize!.Value;

            foreach (var param in group.Parameters)
            {
                var state = (State)_state[param.Handle];
                var grad = param.grad;
                if (grad is null)
                {
                    continue;
                }

                if (maximize)
                {
                    grad = -grad;
                }

                state.step += 1;

                if (weightDecay != 0)
                {
                    grad = grad.add(param, alpha: s.Hold(weightDecay));
                }

                state.square_avg.mul_(s.Hold(alpha)).addcmul_(grad, grad, value: s.Hold(1 - alpha));

                Tensor avg;
                if (centered)
                {
                    var gradAvg = state.grad_avg;
                    gradAvg.mul_(s.Hold(alpha)).add_(grad, alpha: s.Hold(1 - alpha));
                    avg = state.square_avg.addcmul(gradAvg, gradAvg, value: s.Hold(-1)).sqrt_().add_(s.Hold(eps), s.Hold(1));
                }
                else
                {
                    avg = state.square_avg.sqrt().add_(s.Hold(eps), s.Hold(1));
                }

                if (momentum > 0)
                {
                    var buf = state.momentum_buffer;
                    buf.mul_(s.Hold(momentum)).addcdiv_(grad, avg, s.Hold(1));
                    param.add_(buf, alpha: s.Hold(-lr));
                }
                else
                {
                    param.addcdiv_(grad, avg, s.Hold(-lr));
                }
            }
        }, closure);
    }
}
