using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Tests.Images;

/// <summary>
/// The classification objectives against PyTorch: for fixed weights and inputs (the formulas of
/// pytorch_classifiers.py, next to this file), the float64 loss and each parameter's gradient sum and sum of
/// squares equal what that script printed with PyTorch 1.13. Tolerance: 1e-9 relative (absolute for sums
/// near 0): float64 summation orders differ between the two libraries by a few ulps per operation.
/// Also the output shapes and DeepOBS's parameter counts.
/// </summary>
public sealed class ClassifierReferenceTests
{
    private static readonly Dictionary<string, (double Loss, (double Sum, double SumSquares)[] Gradients)> PyTorch = new()
    {
        ["logistic-regression"] = (2.2514889236127207, [
            (-1.8207657603852567e-14, 63.7154555989181),
            (0.0, 0.23027754149091523),
        ]),
        ["mlp-classifier"] = (2.3240259661623015, [
            (-1.4068028859862214, 0.0008106368089392767),
            (-0.0035895918516173414, 2.674386322805613e-06),
            (0.027204603757600185, 0.0003130785345622791),
            (0.0006470483286354174, 9.712719724021317e-05),
            (-8.7728798448525, 0.20738083983144878),
            (-0.08771702669464285, 0.004183110682763583),
            (-1.457167719820518e-15, 0.5467106675069566),
            (-1.1102230246251565e-16, 0.23747634008549046),
        ]),
        ["cnn-2c2d"] = (2.502280179797813, [
            (0.07106269179629376, 0.001106382411496103),
            (0.008269606084199917, 0.00012359768407129465),
            (-0.034605343239604056, 0.01798400855187992),
            (0.007888053807868348, 0.0035308659529369804),
            (985.1123878905387, 2.1792632853322864),
            (6.953501406221461, 0.17554883447190744),
            (1.5543122344752192e-15, 0.19171999113749913),
            (1.1102230246251565e-16, 0.28010798440508805),
        ]),
    };

    /// <summary>The three images and labels of the script.</summary>
    public static FakeImageDataset ScriptInputs(ScalarType dtype = ScalarType.Float64)
    {
        var n = arange(3, dtype: ScalarType.Float64).reshape(3, 1);
        var p = arange(784, dtype: ScalarType.Float64).reshape(1, 784);
        var x = remainder(n * 31 + p * 17, 256).div(255).reshape(3, 1, 28, 28).to(dtype);
        return new FakeImageDataset(x, tensor(new long[] { 3, 7, 1 }), classes: 10);
    }

    /// <summary>The script's weights: 0.05 sin(0.7 j + 1.3 k + 0.1) for element j of parameter k.</summary>
    public static void Fill(IObjective objective)
    {
        using var noGrad = no_grad();
        for (int k = 0; k < objective.Parameters.Count; k++)
        {
            var w = objective.Parameters[k];
            var j = arange(w.numel(), dtype: ScalarType.Float64);
            w.copy_(j.mul(0.7).add(1.3 * k + 0.1).sin().mul(0.05).reshape(w.shape));
        }
    }

    [TestCase("logistic-regression")]
    [TestCase("mlp-classifier")]
    [TestCase("cnn-2c2d")]
    public void Loss_and_gradients_for_fixed_weights_equal_PyTorchs(string id)
    {
        using var scope = NewDisposeScope();
        using var data = ScriptInputs();
        using var objective = ObjectiveFactory.Create(id, new TrialContext(0, ScalarType.Float64, CPU), data);
        Fill(objective);

        var loss = objective.TrainingLoss(new Batch(data.Features, data.Labels));
        loss.backward();
        var (expectedLoss, gradients) = PyTorch[id];
        Assert.That(loss.item<double>(), Is.EqualTo(expectedLoss).Within(1e-9).Percent);
        Assert.That(objective.Parameters.Count, Is.EqualTo(gradients.Length));
        for (int k = 0; k < gradients.Length; k++)
        {
            var g = objective.Parameters[k].grad!;
            string name = objective.Parameters.Names[k];
            Assert.That(g.sum().item<double>(), Is.EqualTo(gradients[k].Sum).Within(1e-9 * Math.Max(1, Math.Abs(gradients[k].Sum))), name);
            Assert.That(g.square().sum().item<double>(), Is.EqualTo(gradients[k].SumSquares).Within(1e-7).Percent, name);
        }
    }

    // The float32 path is the one training takes, and on CPU the CNN's runs channels-last (oneDNN's float32
    // kernels; float64 has none). Its loss and gradients' sums of squares match PyTorch's float64 values to
    // float32 rounding: 1e-5 relative (1e-3 percent; the largest seen was 1.2e-6; a wrong layout is off in the first digit).
    [TestCase("mlp-classifier")]
    [TestCase("cnn-2c2d")]
    public void In_float32_the_loss_and_gradients_match_PyTorchs_to_float32_rounding(string id)
    {
        using var scope = NewDisposeScope();
        using var data = ScriptInputs(ScalarType.Float32);
        using var objective = ObjectiveFactory.Create(id, new TrialContext(0, ScalarType.Float32, CPU), data);
        Fill(objective);

        var loss = objective.TrainingLoss(new Batch(data.Features, data.Labels));
        loss.backward();
        var (expectedLoss, gradients) = PyTorch[id];
        Assert.That(loss.item<float>(), Is.EqualTo(expectedLoss).Within(1e-3).Percent);
        for (int k = 0; k < gradients.Length; k++)
        {
            var g = objective.Parameters[k].grad!.to(ScalarType.Float64);
            Assert.That(g.square().sum().item<double>(), Is.EqualTo(gradients[k].SumSquares).Within(1e-3).Percent, objective.Parameters.Names[k]);
        }
    }

    // DeepOBS (Schneider, Balles and Hennig, 2019), Table 2: mnist/fmnist_mlp 1,336,610 and mnist/fmnist_2c2d 3,274,634 parameters.
    [TestCase("logistic-regression", 7_850L)]
    [TestCase("mlp-classifier", 1_336_610L)]
    [TestCase("cnn-2c2d", 3_274_634L)]
    public void Parameter_counts_are_DeepOBSs_and_the_logits_are_N_by_10(string id, long count)
    {
        using var scope = NewDisposeScope();
        using var data = ScriptInputs(ScalarType.Float32);
        using var objective = (IEvaluatedObjective)ObjectiveFactory.Create(id, new TrialContext(0, ScalarType.Float32, CPU), data);
        Assert.That(objective.Parameters.ElementCount, Is.EqualTo(count));
        var sums = objective.MetricSums(new Batch(data.Features, data.Labels));
        Assert.That(sums.shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(sums[1].item<float>(), Is.InRange(0f, 3f).And.EqualTo(MathF.Round(sums[1].item<float>())));
    }

    [Test]
    public void The_initial_weights_are_PyTorchs_default_uniform_bounds_from_the_init_stream()
    {
        using var scope = NewDisposeScope();
        using var data = ScriptInputs();
        using var a = ObjectiveFactory.Create("mlp-classifier", new TrialContext(5, ScalarType.Float64, CPU), data, ("hidden", "20"));
        using var b = ObjectiveFactory.Create("mlp-classifier", new TrialContext(5, ScalarType.Float64, CPU), data, ("hidden", "20"));
        Assert.That(a.Parameters.Names, Is.EqualTo(new[] { "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias" }));
        Assert.That(a.Parameters[0].abs().max().item<double>(), Is.LessThanOrEqualTo(1 / Math.Sqrt(784)).And.GreaterThan(0.99 / Math.Sqrt(784)));
        Assert.That(a.Parameters[2].abs().max().item<double>(), Is.LessThanOrEqualTo(1 / Math.Sqrt(20)).And.GreaterThan(0.9 / Math.Sqrt(20)));
        Assert.That(a.Parameters[0].eq(b.Parameters[0]).all().item<bool>(), Is.True, "same seed, same weights");
    }

    [Test]
    public void The_2c2d_refuses_other_input_shapes_naming_both()
    {
        using var scope = NewDisposeScope();
        using var data = new FakeImageDataset(zeros(2, 3, 32, 32, dtype: ScalarType.Float32), tensor(new long[] { 0, 1 }), classes: 10);
        var e = Assert.Throws<DataMismatchException>(() => ObjectiveFactory.Create("cnn-2c2d", new TrialContext(0, ScalarType.Float32, CPU), data).Dispose())!;
        Assert.That(e.Message, Is.EqualTo("the objective expects inputs [1, 28, 28] (DeepOBS 2c2d), but the dataset gives classification with 10 classes, inputs [3, 32, 32]"));
    }
}
