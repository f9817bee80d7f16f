using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchAdam;

/// <summary>
/// TorchSharp 0.107's Adam whose step holds its Scalars (<see cref="HeldScalars"/>): its step line for
/// line, the same operations on the same values in the same order, so the same bits and the same state.
/// Named as TorchSharp's class because saved state starts with the class name: state saved by either
/// loads in the other.
/// </summary>
internal sealed class Adam(ParameterSet parameters, TorchAdamOptions o)
    : TorchSharp.Modules.Adam(parameters, o.Lr, o.Betas[0], o.Betas[1], o.Eps, o.WeightDecay, o.Amsgrad, o.Maximize)
{
    public override Tensor step(Func<Tensor>? closure = null)
    {
        using var s = new HeldScalars();
        return _step<ParamGroup>(group =>
        {
            var options = group.Options;
            double beta1 = options.beta1!.Value, beta2 = options.beta2!.Value, weightDecay = options.weight_decay!.Value;
            double eps = options.eps!.Value, lr = options.LearningRate!.Value;
            bool amsgrad = options.amsgrad!.Value, maximize = options.maximize!.Value;

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

                var biasCorrection1 = 1 - Math.Pow(beta1, state.step);
                var biasCorrection2 = 1 - Math.Pow(beta2, state.step);

                if (weightDecay != 0)
                {
                    grad = grad.add(param, alpha: s.Hold(weightDecay));
                }

                state.exp_avg.mul_(s.Hold(beta1)).add_(grad, alpha: s.Hold(1 - beta1));
                state.exp_avg_sq.mul_(s.Hold(beta2)).addcmul_(grad, grad.conj(), value: s.Hold(1 - beta2));

                Tensor denom;
                if (amsgrad)
                {
                    var t0 = state.max_exp_avg_sq;
                    state.max_exp_avg_sq = maximum(t0, state.exp_avg_sq).DetachFromDisposeScope();
                    t0.Dispose();
                    denom = state.max_exp_avg_sq.sqrt().div(s.Hold(Math.Sqrt(biasCorrection2))).add_(s.Hold(eps), s.Hold(1));
                }
                else
                {
                    denom = state.exp_avg_sq.sqrt().div(s.Hold(Math.Sqrt(biasCorrection2))).add_(s.Hold(eps), s.Hold(1));
                }

                var stepSize = lr / biasCorrection1;
                param.addcdiv_(state.exp_avg, denom, value: s.Hold(-stepSize));
            }
        }, closure);
    }
}
