using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchAdadelta;

/// <summary>
/// TorchSharp 0.107's Adadelta whose step holds its Scalars (<see cref="HeldScalars"/>): its step line for
/// line, the same operations on the same values in the same order, so the same bits and the same state.
/// Named as TorchSharp's class because saved state starts with the class name: state saved by either
/// loads in the other.
/// </summary>
internal sealed class Adadelta(ParameterSet parameters, TorchAdadeltaOptions o)
    : TorchSharp.Modules.Adadelta(parameters, o.Lr, o.Rho, o.Eps, o.WeightDecay, o.Maximize)
{
    public override Tensor step(Func<Tensor>? closure = null)
    {
        using var s = new HeldScalars();
        return _step<ParamGroup>(group =>
        {
            var options = group.Options;
            double rho = options.rho!.Value, eps = options.eps!.Value, weightDecay = options.weight_decay!.Value;
            double lr = options.LearningRate!.Value;
            bool maximize = options.maximize!.Value;

            foreach (var param in group.Parameters)
            {
                var grad = param.grad;
                if (grad is null)
                {
                    continue;
                }

                if (maximize)
                {
                    grad = -grad;
                }

                if (grad.is_sparse)
                {
                    throw new ArgumentException("Adadelta does not support sparse gradients");
                }

                var state = (State)_state[param.Handle];
                var squareAvg = state.square_avg;
                var accDelta = state.acc_delta;

                grad = weightDecay != 0 ? grad.add(param, alpha: s.Hold(weightDecay)) : grad.alias();

                squareAvg.mul_(s.Hold(rho)).addcmul_(grad, grad, s.Hold(1 - rho));

                var std = squareAvg.add(s.Hold(eps), s.Hold(1)).sqrt_();
                var delta = accDelta.add(s.Hold(eps), s.Hold(1)).sqrt_().div_(std).mul_(grad);

                param.add_(delta, alpha: s.Hold(-lr));
                accDelta.mul_(s.Hold(rho)).addcmul_(delta, delta, s.Hold(1 - rho));
            }
        }, closure);
    }
}
