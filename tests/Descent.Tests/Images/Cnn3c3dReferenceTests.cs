using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Tests.Images;

/// <summary>
/// cnn-3c3d (DeepOBS cifar10_3c3d) against PyTorch: for fixed weights and inputs (the formulas of
/// pytorch_cnn3c3d.py, next to this file), the float64 cross-entropy, the training loss with DeepOBS's weight
/// decay 0.002, and each parameter's gradient sum and sum of squares equal what that script printed with
/// PyTorch 1.13.0a0 (Debian's python3-torch 1.13.1+dfsg). Tolerance: 1e-9 relative for the losses and gradient
/// sums (absolute for sums near 0), 1e-9 relative for sums of squares: float64 summation orders differ by a few
/// ulps per operation. Also DeepOBS's parameter count, the output shape and the shape check.
/// </summary>
public sealed class Cnn3c3dReferenceTests
{
    private const double CrossEntropy = 2.281557739240348;
    private const double TrainingLoss = 3.399235317151301;

    private static readonly (double Sum, double SumSquares)[] Gradients =
    [
        (-4.406295885024595, 0.07011828567333825),
        (0.04625235445338053, 0.0003912982180609765),
        (-1.9570887780482833, 0.0008091644814380108),
        (-0.051756646345364817, 8.640206694575712e-05),
        (2.125476874442832, 0.000794492232063486),
        (0.01715541766482344, 1.576694018721591e-05),
        (-0.5723421580799561, 0.018773534159914056),
        (-0.0018484564024920337, 7.404487918938838e-05),
        (-2.9226081999842646, 192.38582408320084),
        (-0.0031475171794505957, 0.12444463477477888),
        (0.00012953577994428978, 2.7787086740334788),
        (5.551115123125783e-17, 0.22944885581010943),
    ];

    /// <summary>The three 3 x 32 x 32 images and labels of the script.</summary>
    private static FakeImageDataset ScriptInputs(ScalarType dtype = ScalarType.Float64)
    {
        var n = arange(3, dtype: ScalarType.Float64).reshape(3, 1);
        var p = arange(3072, dtype: ScalarType.Float64).reshape(1, 3072);
        var x = remainder(n * 31 + p * 17, 256).div(255).reshape(3, 3, 32, 32).to(dtype);
        return new FakeImageDataset(x, tensor(new long[] { 3, 7, 1 }), classes: 10);
    }

    [Test]
    public void Training_loss_with_weight_decay_and_its_gradients_equal_PyTorchs()
    {
        using var scope = NewDisposeScope();
        using var data = ScriptInputs();
        using var objective = ObjectiveFactory.Create("cnn-3c3d", new TrialContext(0, ScalarType.Float64, CPU), data);
        ClassifierReferenceTests.Fill(objective);

        var batch = new Batch(data.Features, data.Labels);
        var loss = objective.TrainingLoss(batch);
        loss.backward();
        Assert.That(objective.Parameters.Names, Is.EqualTo(new[]
        {
            "conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "conv3.weight", "conv3.bias",
            "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias",
        }));
        Assert.That(loss.item<double>(), Is.EqualTo(TrainingLoss).Within(1e-9).Percent);
        using (no_grad())
        {
            Assert.That(objective.Loss(batch).item<double>(), Is.EqualTo(CrossEntropy).Within(1e-9).Percent, "the recorded loss is the cross-entropy alone");
        }

        for (int k = 0; k < Gradients.Length; k++)
        {
            var g = objective.Parameters[k].grad!;
            string name = objective.Parameters.Names[k];
            Assert.That(g.sum().item<double>(), Is.EqualTo(Gradients[k].Sum).Within(1e-9 * Math.Max(1, Math.Abs(Gradients[k].Sum))), name);
            Assert.That(g.square().sum().item<double>(), Is.EqualTo(Gradients[k].SumSquares).Within(1e-7).Percent, name);
        }
    }

    // The float32 path that training takes (channels-last on CPU, oneDNN's kernels) matches the float64 values to
    // float32 rounding: 1e-5 relative (1e-3 percent).
    [Test]
    public void In_float32_the_training_loss_and_gradients_match_PyTorchs_to_float32_rounding()
    {
        using var scope = NewDisposeScope();
        using var data = ScriptInputs(ScalarType.Float32);
        using var objective = ObjectiveFactory.Create("cnn-3c3d", new TrialContext(0, ScalarType.Float32, CPU), data);
        ClassifierReferenceTests.Fill(objective);

        var loss = objective.TrainingLoss(new Batch(data.Features, data.Labels));
        loss.backward();
        Assert.That(loss.item<float>(), Is.EqualTo(TrainingLoss).Within(1e-3).Percent);
        for (int k = 0; k < Gradients.Length; k++)
        {
            var g = objective.Parameters[k].grad!.to(ScalarType.Float64);
            Assert.That(g.square().sum().item<double>(), Is.EqualTo(Gradients[k].SumSquares).Within(1e-3).Percent, objective.Parameters.Names[k]);
        }
    }

    // A batch can be a view into a larger tensor (an evaluation slice); the model reads it from its own offset.
    [TestCase("cnn-3c3d")]
    [TestCase("cnn-2c2d")]
    public void Images_inside_a_larger_tensor_give_the_metrics_of_a_copy_of_them(string id)
    {
        using var scope = NewDisposeScope();
        using var data = id == "cnn-2c2d" ? ClassifierReferenceTests.ScriptInputs(ScalarType.Float32) : ScriptInputs(ScalarType.Float32);
        using var objective = (IEvaluatedObjective)ObjectiveFactory.Create(id, new TrialContext(0, ScalarType.Float32, CPU), data);
        var inside = data.Features.narrow(0, 1, 2);
        Assert.That(inside.storage_offset(), Is.GreaterThan(0L));
        var labels = data.Labels.narrow(0, 1, 2);
        using var noGrad = no_grad();
        var fromView = objective.MetricSums(new Batch(inside, labels));
        var fromCopy = objective.MetricSums(new Batch(inside.clone(), labels.clone()));
        Assert.That(fromView.data<float>().ToArray(), Is.EqualTo(fromCopy.data<float>().ToArray()));
    }

    [Test]
    public void Weight_decay_0_leaves_the_cross_entropy()
    {
        using var scope = NewDisposeScope();
        using var data = ScriptInputs();
        using var objective = ObjectiveFactory.Create("cnn-3c3d", new TrialContext(0, ScalarType.Float64, CPU), data, ("weight_decay", "0"));
        ClassifierReferenceTests.Fill(objective);

        Assert.That(objective.TrainingLoss(new Batch(data.Features, data.Labels)).item<double>(), Is.EqualTo(CrossEntropy).Within(1e-9).Percent);
    }

    // DeepOBS (Schneider, Balles and Hennig, 2019), Table 2: cifar10_3c3d has 895,210 parameters; by layer
    // 3*64*25+64 + 64*96*9+96 + 96*128*9+128 + 1152*512+512 + 512*256+256 + 256*10+10.
    [Test]
    public void Parameter_count_is_DeepOBSs_and_the_logits_are_N_by_10()
    {
        using var scope = NewDisposeScope();
        using var data = ScriptInputs(ScalarType.Float32);
        using var objective = ObjectiveFactory.Create("cnn-3c3d", new TrialContext(0, ScalarType.Float32, CPU), data);
        var logits = (Tensor)objective.GetType().GetMethod("Logits")!.Invoke(objective, [data.Features])!; // the plugin's assembly is not referenced
        Assert.That(objective.Parameters.ElementCount, Is.EqualTo(895_210L));
        Assert.That(logits.shape, Is.EqualTo(new long[] { 3, 10 }));
    }

    [Test]
    public void The_3c3d_refuses_fashion_mnist_shaped_inputs_naming_both()
    {
        using var scope = NewDisposeScope();
        using var data = new FakeImageDataset(zeros(2, 1, 28, 28, dtype: ScalarType.Float32), tensor(new long[] { 0, 1 }), classes: 10);
        var e = Assert.Throws<DataMismatchException>(() => ObjectiveFactory.Create("cnn-3c3d", new TrialContext(0, ScalarType.Float32, CPU), data).Dispose())!;
        Assert.That(e.Message, Is.EqualTo("the objective expects inputs [3, 32, 32] (DeepOBS cifar10_3c3d), but the dataset gives classification with 10 classes, inputs [1, 28, 28]"));
    }
}
