using static TorchSharp.torch;

namespace Descent.Tests.Images;

/// <summary>
/// cnn-2c2d and cnn-3c3d pool each convolution's output before its ReLU instead of after (ReLU then touches a quarter of
/// the elements). They may do so because ReLU is monotone, so the two orders give the same values and the same
/// input gradients bit for bit in libtorch: here with ties, exact zeros and all-negative windows, for the 2x2 pooling
/// of 2c2d and the zero-padded 3x3 / stride 2 pooling of 3c3d, in float32 and float64.
/// </summary>
public sealed class PoolBeforeReluTests
{
    [TestCase(ScalarType.Float32, false)]
    [TestCase(ScalarType.Float64, false)]
    [TestCase(ScalarType.Float32, true)]
    [TestCase(ScalarType.Float64, true)]
    public void Pooling_then_relu_gives_the_bits_and_gradients_of_relu_then_pooling(ScalarType dtype, bool zeroPadded3x3)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        // Values on a 0.5 grid from -2 to 2: many ties, exact zeros, and windows with no positive value.
        var values = randint(-4, 5, [4, 8, 12, 12], generator: generator).to(dtype).mul(0.5);
        var upstream = randn(4, 8, 6, 6, dtype: dtype, generator: generator);
        Tensor Pool(Tensor x) => zeroPadded3x3
            ? nn.functional.max_pool2d(nn.functional.pad(x, [0, 1, 0, 1]), 3, 2)
            : nn.functional.max_pool2d(x, 2, 2);

        var (reluFirst, reluFirstGradient) = Run(values, upstream, x => Pool(nn.functional.relu(x)));
        var (poolFirst, poolFirstGradient) = Run(values, upstream, x => nn.functional.relu(Pool(x)));

        Assert.That(values.le(0).sum().item<long>(), Is.GreaterThan(values.numel() / 3), "the inputs must have many non-positive values");
        Assert.That(poolFirst.eq(0).sum().item<long>(), Is.GreaterThan(0L), "some windows have no positive value");
        Assert.That(poolFirst.equal(reluFirst).all().item<bool>(), Is.True, "values");
        Assert.That(poolFirstGradient.equal(reluFirstGradient).all().item<bool>(), Is.True, "input gradients");
        Assert.That(reluFirstGradient.ne(0).sum().item<long>(), Is.GreaterThan(0L), "the gradients are not all zero");
    }

    private static (Tensor Output, Tensor Gradient) Run(Tensor values, Tensor upstream, Func<Tensor, Tensor> layers)
    {
        var x = values.clone().requires_grad_(true);
        var output = layers(x);
        output.backward([upstream]);
        return (output.detach(), x.grad!.clone());
    }
}
