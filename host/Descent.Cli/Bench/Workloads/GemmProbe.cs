using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Cli.Bench.Workloads;

/// <summary>
/// The floating-point rate of fmnist_mlp's layer products alone: <c>linear</c> with bias through the four layers
/// (784-1000-500-100-10, no activations), float32, no_grad, at a batch size (the training and the evaluation batch), the median of
/// <see cref="Repeats"/> timed passes after warm-up. That is the BLAS's matrix product and nothing else, so beside
/// <c>pytorch_workloads.py</c>'s figure for the same products it tells how much of the MLP's gap is the BLAS
/// (libtorch's oneMKL against Debian's OpenBLAS) and how much the rest of the step.
/// </summary>
internal static class GemmProbe
{
    /// <summary>The layer widths, input to output, as <c>mlp()</c> in the PyTorch script.</summary>
    private static readonly (int In, int Out)[] Layers = [(784, 1000), (1000, 500), (500, 100), (100, 10)];

    private const int Repeats = 20;
    private const int WarmUp = 3;

    /// <summary>GFLOP/s (2 x batch x the sum of in x out, per pass) at the current libtorch thread count.</summary>
    public static double Gflops(int batch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var generator = new Generator(0);
        var input = rand(batch, Layers[0].In, generator: generator);
        var weights = Layers.Select(l => (Weight: rand(l.Out, l.In, generator: generator), Bias: rand(l.Out, generator: generator))).ToArray();
        var seconds = new List<double>();
        for (int pass = 0; pass < WarmUp + Repeats; pass++)
        {
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                var h = input;
                foreach (var (weight, bias) in weights)
                {
                    h = nn.functional.linear(h, weight, bias);
                }
            }

            if (pass >= WarmUp)
            {
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
        }

        double flops = 2.0 * batch * Layers.Sum(l => (double)l.In * l.Out);
        return flops / BenchStatistics.Median(seconds) / 1e9;
    }
}
