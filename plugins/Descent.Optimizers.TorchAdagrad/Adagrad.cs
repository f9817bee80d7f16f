using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchAdagrad;

/// <summary>
/// TorchSharp 0.107's Adagrad whose step holds its Scalars (<see cref="HeldScalars"/>): its step line for
/// line, the same operations on the same values in the same order, so the same bits and the same state.
/// Named as TorchSharp's class because saved state starts with the class name: state saved by either
/// loads in the other.
/// </summary>
internal sealed class Adagrad(ParameterSet parameters, TorchAdagradOptions o)
    : TorchSharp.Modules.Adagrad(parameters, o.Lr, o.LrDecay, o.WeightDecay, o.InitialAccumulatorValue, o.Eps)
{
    public override Tensor step(Func<Tensor>? closure = null)
    {
        using var s = new HeldScalars();
        return _step<ParamGroup>(group =>
        {
            var options = group.Options;
            double lrDecay = options.lr_decay!.Value, weightDecay = options.weight_decay!.Value;
            double eps = options.eps!.Value, lr = options.LearningRate!.Value;

            foreach (var param in group.Parameters)
            {
                var state = (State)_state[param.Handle];
                var grad = param.grad;
                if (grad is null)
                {
                    continue;
                }

                state.step += 1;

                if (weightDecay != 0)
                {
                    grad = grad.add(param, alpha: s.Hold(weightDecay));
                }

                var clr = lr / (1 + (state.step - 1) * lrDecay);

                if (grad.is_sparse)
                {
                    throw new NotSupportedException("torch-adagrad: sparse parameters are not supported (TorchSharp's Adagrad has no sparse update); use dense parameters");
                }

                if (is_complex(grad))
                {
                    throw new NotSupportedException("torch-adagrad: complex parameters are not supported (TorchSharp's Adagrad has no complex update); use real parameters");
                }

                state.sum.addcmul_(grad, grad, value: s.Hold(1));
                var std = state.sum.sqrt().add_(s.Hold(eps), s.Hold(1));
                param.addcdiv_(grad, std, value: s.Hold(-clr));
            }
        }, closure);
    }
}
