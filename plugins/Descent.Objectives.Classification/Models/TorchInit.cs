using Descent.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Objectives.Classification;

/// <summary>
/// PyTorch's default initialization of <c>nn.Linear</c> and <c>nn.Conv2d</c>: the weight Kaiming-uniform with
/// a = sqrt(5), which is uniform in +-1/sqrt(fan_in), and the bias uniform in +-1/sqrt(fan_in), where fan_in is
/// in_features (linear) or in_channels x kernel height x kernel width (convolution). Drawn in float64 from the
/// trial's <c>init</c> stream, weight then bias, layer by layer, then converted to the trial's dtype and device.
/// </summary>
public sealed class TorchInit(TrialContext context, Generator generator)
{
    private readonly List<(string, Parameter)> named = [];

    /// <summary>The parameters created so far, in order.</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> Named => named;

    /// <summary>A linear layer's weight (out x in) and bias (out), as <c>nn.Linear(in, out)</c>.</summary>
    public (Parameter Weight, Parameter Bias) Linear(string name, long inFeatures, long outFeatures)
    {
        double bound = 1 / Math.Sqrt(inFeatures);
        return (Add($"{name}.weight", [outFeatures, inFeatures], bound), Add($"{name}.bias", [outFeatures], bound));
    }

    /// <summary>A convolution's weight (out x in x k x k) and bias (out), as <c>nn.Conv2d(in, out, k)</c>.</summary>
    public (Parameter Weight, Parameter Bias) Conv2d(string name, long inChannels, long outChannels, long kernel)
    {
        double bound = 1 / Math.Sqrt(inChannels * kernel * kernel);
        return (Add($"{name}.weight", [outChannels, inChannels, kernel, kernel], bound), Add($"{name}.bias", [outChannels], bound));
    }

    private Parameter Add(string name, long[] shape, double bound)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var width = (2 * bound).ToScalar();
        using var offset = bound.ToScalar();
        var values = rand(shape, dtype: ScalarType.Float64, generator: generator).mul_(width).sub_(offset).to(context.DType, context.Device);
        var parameter = new Parameter(values, requires_grad: true);
        parameter.DetachFromDisposeScope();
        named.Add((name, parameter));
        return parameter;
    }
}
