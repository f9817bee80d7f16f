using Descent.Contracts;
using Descent.Engine.Composition;
using Descent.Engine.Trials;
using Descent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace Descent.Tests.Quadratic;

/// <summary>
/// The noisy-quadratic objective on the quadratic-noise dataset, composed as a trial composes them (catalog,
/// options binding, DI scope), in float64. The plugin's own types live in its load context, so what the tests
/// know of the Hessian they read through the objective's contract: its loss and its autograd gradient.
/// </summary>
public sealed class QuadraticProbe : IDisposable
{
    private readonly IServiceScope scope;

    private QuadraticProbe(IServiceScope scope, IEvaluatedObjective objective, ISplitDataset dataset)
    {
        this.scope = scope;
        Objective = objective;
        Dataset = dataset;
    }

    /// <summary>The objective.</summary>
    public IEvaluatedObjective Objective { get; }

    /// <summary>The dataset.</summary>
    public ISplitDataset Dataset { get; }

    /// <summary>θ, the objective's single parameter.</summary>
    public Tensor Theta => Objective.Parameters[0];

    /// <summary>A trial spec over the two plugins with the given options (<c>f.</c> objective, <c>d.</c> dataset).</summary>
    public static TrialSpec Spec(string optimizer, params (string Name, string Value)[] settings) => new()
    {
        Optimizer = optimizer,
        Objective = "noisy-quadratic",
        Dataset = "quadratic-noise",
        Hyperparameters = Args(settings, "hp."),
        ObjectiveArgs = Args(settings, "f."),
        DatasetArgs = Args(settings, "d."),
        Training = new TrainingSettings(Epochs: 2, BatchSize: 128),
        DType = "float64",
    };

    /// <summary>Composes the objective and the dataset with the given options.</summary>
    public static QuadraticProbe Open(params (string Name, string Value)[] settings)
    {
        var trial = TrialResolver.Resolve(Spec("sgd", settings), TestEngine.Catalog);
        var scope = TestEngine.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TrialScope>().Start(trial, trial.CreateContext(DataLocations.None));
        var objective = (IEvaluatedObjective)scope.ServiceProvider.GetRequiredService<IObjective>();
        var dataset = (ISplitDataset)scope.ServiceProvider.GetRequiredService<IDataset>();
        return new QuadraticProbe(scope, objective, dataset);
    }

    /// <summary>Sets θ to <paramref name="values"/>.</summary>
    public void SetTheta(double[] values)
    {
        using var noGrad = no_grad();
        using var tensors = NewDisposeScope();
        Theta.copy_(tensor(values, dtype: ScalarType.Float64));
    }

    /// <summary>The training loss on the rows <paramref name="x"/> (each of length dim).</summary>
    public double Loss(params double[][] x)
    {
        using var tensors = NewDisposeScope();
        using var noGrad = no_grad();
        return Objective.TrainingLoss(Batch(x)).item<double>();
    }

    /// <summary>The autograd gradient of the training loss on <paramref name="batch"/> at the current θ.</summary>
    public double[] Gradient(Batch batch)
    {
        using var tensors = NewDisposeScope();
        Theta.grad = null;
        Objective.TrainingLoss(batch).backward();
        var gradient = Theta.grad!.data<double>().ToArray();
        Theta.grad = null;
        return gradient;
    }

    /// <summary>
    /// H read column by column from the gradient at θ = e_j on the sample x = 0: the gradient is
    /// 0.5 (H + H^T) e_j, which is H's column j to the bit when H is exactly symmetric. Leaves θ at the last e_j.
    /// </summary>
    public double[,] HessianFromGradients()
    {
        int n = (int)Theta.shape[0];
        var h = new double[n, n];
        using var tensors = NewDisposeScope();
        var zero = new Batch(zeros(1, n, dtype: ScalarType.Float64), zeros(1, dtype: ScalarType.Float64));
        for (int j = 0; j < n; j++)
        {
            SetTheta(Enumerable.Range(0, n).Select(i => i == j ? 1.0 : 0.0).ToArray());
            var column = Gradient(zero);
            for (int i = 0; i < n; i++)
            {
                h[i, j] = column[i];
            }
        }

        return h;
    }

    /// <summary>Rows <paramref name="x"/> as a batch (labels zero).</summary>
    public static Batch Batch(double[][] x) =>
        new(tensor(x.SelectMany(r => r).ToArray(), [x.Length, x[0].Length], ScalarType.Float64), zeros(x.Length, dtype: ScalarType.Float64));

    /// <inheritdoc />
    public void Dispose() => scope.Dispose();

    private static Dictionary<string, string> Args((string Name, string Value)[] settings, string prefix) =>
        settings.Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(s => s.Name[prefix.Length..], s => s.Value);
}
