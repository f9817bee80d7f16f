using Descent.Contracts;
using Descent.Tests.Images;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Tests.Objectives;

/// <summary>
/// linear-regression's loss is the chapter's mean((X w + b - y)^2) / 2. It is computed with <c>mse_loss</c> (one
/// operation and one backward node), which squares the residuals and takes their mean as sub, pow(2) and mean do, so
/// the value must equal the explicit formula's bit for bit (float32, where rounding would show), and its autograd
/// gradient the closed form's within float32 rounding.
/// </summary>
public sealed class LinearRegressionLossTests
{
    [Test]
    public void The_loss_is_the_explicit_formula_bit_for_bit_and_autograd_agrees_with_the_closed_form()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        var features = randn([1000, 5], generator: generator);
        var labels = randn([1000], generator: generator);
        using var data = new Table(features, labels);
        using var objective = (IGradientObjective)ObjectiveFactory.Create("linear-regression", new TrialContext(3, ScalarType.Float32, CPU), data, ("init_std", "0.5"));
        var (w, b) = (objective.Parameters[0], objective.Parameters[1]);
        var batch = new Batch(features, labels);

        var loss = objective.Loss(batch);
        Tensor expected;
        using (no_grad())
        {
            expected = features.mm(w).add(b, 1.0.ToScalar()).sub(labels.unsqueeze(1)).pow(2.0.ToScalar()).mean().div(2.0.ToScalar());
        }

        Assert.That(loss.item<float>(), Is.EqualTo(expected.item<float>()), "mse_loss / 2 and the explicit formula");
        loss.backward();
        var (autogradW, autogradB) = (w.grad!.clone(), b.grad!.clone());
        objective.ComputeGradient(batch);
        Assert.That(autogradW.data<float>().ToArray(), Is.EqualTo(w.grad!.data<float>().ToArray()).Within(1e-6));
        Assert.That(autogradB.data<float>().ToArray(), Is.EqualTo(b.grad!.data<float>().ToArray()).Within(1e-6));
    }

    private sealed class Table(Tensor features, Tensor labels) : IDataset
    {
        public DatasetInfo Info { get; } = new("table", (int)features.shape[0], ["a", "b", "c", "d", "e"], "y");

        public Tensor Features => features;

        public Tensor Labels => labels;

        public void Dispose()
        {
        }
    }
}
