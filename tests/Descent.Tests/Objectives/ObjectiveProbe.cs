using System.Globalization;
using Descent.Contracts;
using Descent.Engine.Composition;
using Descent.Engine.Trials;
using Descent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace Descent.Tests.Objectives;

/// <summary>
/// A bundled analytic objective composed as a trial composes it (catalog, options binding, DI scope), at a
/// chosen point and dtype, to read f and its autograd gradient there, or f at many points at once.
/// </summary>
public static class ObjectiveProbe
{
    /// <summary>f(x) and the gradient the optimizer sees (the training loss's backward pass), in <paramref name="dtype"/>.</summary>
    public static (double Value, double[] Gradient) At(string objective, string dtype, double[] x, params (string Name, string Value)[] args)
    {
        using var probe = Open(objective, dtype, x, args);
        using var tensors = NewDisposeScope();
        var loss = probe.Objective.TrainingLoss(Batch.None);
        loss.backward();
        var gradient = probe.Objective.Parameters[0].grad!.detach().to(ScalarType.Float64).data<double>().ToArray();
        return (loss.to(ScalarType.Float64).item<double>(), gradient);
    }

    /// <summary>f at each row of <paramref name="points"/> through <see cref="IAnalyticObjective.Evaluate"/> (the plotting path), in <paramref name="dtype"/>.</summary>
    public static double[] Evaluate(string objective, string dtype, double[][] points, params (string Name, string Value)[] args)
    {
        using var probe = Open(objective, dtype, points[0], args);
        using var tensors = NewDisposeScope();
        using var noGrad = no_grad();
        var batch = tensor(points.SelectMany(p => p).ToArray(), [points.Length, points[0].Length], dtype: probe.Objective.Parameters[0].dtype);
        return probe.Objective.Evaluate(batch).to(ScalarType.Float64).data<double>().ToArray();
    }

    /// <summary>
    /// The unit roundoff bound of <paramref name="dtype"/> (2^-23 for float32, 2^-52 for float64): one rounded
    /// operation changes a value by at most this much relative, and so does float32 or float64 <c>cos</c>/<c>sin</c>.
    /// </summary>
    public static double Epsilon(string dtype) => dtype switch
    {
        "float32" => Math.ScaleB(1, -23),
        "float64" => Math.ScaleB(1, -52),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "use float32 or float64"),
    };

    private static Probe Open(string objective, string dtype, double[] x, (string Name, string Value)[] args)
    {
        string start = string.Join(",", x.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        var settings = args.Select(a => ("f." + a.Name, a.Value)).ToArray();
        var spec = TestEngine.Analytic("sgd", objective, 1, start, settings) with { DType = dtype };
        var trial = TrialResolver.Resolve(spec, TestEngine.Catalog);
        var scope = TestEngine.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TrialScope>().Start(trial, trial.CreateContext(DataLocations.None));
        var resolved = scope.ServiceProvider.GetRequiredService<IObjective>();
        Assert.That(resolved, Is.InstanceOf<IAnalyticObjective>(), objective);
        return new Probe(scope, (IAnalyticObjective)resolved);
    }

    private sealed record Probe(IServiceScope Scope, IAnalyticObjective Objective) : IDisposable
    {
        public void Dispose() => Scope.Dispose();
    }
}
