using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Defective;

/// <summary>Momentum whose velocity lives outside the saved slots, so saved state restores nothing: fails "state round trip".</summary>
public sealed class ForgetfulMomentum : SlotOptimizer
{
    private readonly Tensor[] velocity;
    private readonly TorchSharp.Scalar lr, beta;

    public ForgetfulMomentum(BaseOptions options, ParameterSet parameters)
        : base(parameters, 0)
    {
        lr = Hold(options.Lr);
        beta = Hold(0.9);
        using var noGrad = no_grad();
        velocity = parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var v = velocity[Parameters.ToList().IndexOf((TorchSharp.Modules.Parameter)parameter)];
        v.mul_(beta).add_(gradient, Hold1);
        parameter.sub_(v.mul(lr));
    }

    private TorchSharp.Scalar Hold1 => HoldForStep(1.0);

    protected override void Dispose(bool disposing)
    {
        foreach (var v in velocity)
        {
            v.Dispose();
        }

        base.Dispose(disposing);
    }
}

public sealed class ForgetfulMomentumPlugin() : OptimizerPlugin<ForgetfulMomentum, BaseOptions>("defect-stateless", "1.0.0", "keeps its velocity out of the saved state");
