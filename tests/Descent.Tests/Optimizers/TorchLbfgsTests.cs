using Descent.Contracts;
using Descent.Engine.Composition;
using Descent.Engine.Trials;
using Descent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace Descent.Tests.Optimizers;

/// <summary>
/// torch-lbfgs against PyTorch's own LBFGS (<see cref="LbfgsTrace"/>, torch 1.13, float64): with no line search and with
/// strong Wolfe, with the default history and a short one that drops pairs, each step lands where PyTorch's does and calls
/// the closure as often. The port repeats PyTorch's operations in the same order, and where the trace was written every
/// parameter and loss came out bit for bit equal; the tolerance, 1e-10, leaves room for another libtorch build (another
/// BLAS dot product, a fused multiply-add) to round a last bit differently.
/// </summary>
public sealed class TorchLbfgsTests
{
    private const double Tolerance = 1e-10;

    private static IEnumerable<LbfgsTrace> Cases() => LbfgsTrace.All;

    [TestCaseSource(nameof(Cases))]
    public void Each_step_lands_where_pytorchs_does_with_as_many_closure_calls(LbfgsTrace trace)
    {
        var trial = TrialResolver.Resolve(Spec(trace, trace.Steps.Count), TestEngine.Catalog);
        using var scope = TestEngine.Services.CreateScope();
        using var tensors = NewDisposeScope();
        scope.ServiceProvider.GetRequiredService<TrialScope>().Start(trial, trial.CreateContext(DataLocations.None));
        var objective = scope.ServiceProvider.GetRequiredService<IObjective>();
        var optimizer = (IClosureOptimizer)scope.ServiceProvider.GetRequiredService<IOptimizer>();
        var closure = LossClosure.For(objective, Batch.None);

        for (int i = 0; i < trace.Steps.Count; i++)
        {
            int calls = 0;
            using (NewDisposeScope())
            {
                optimizer.Step(() => { calls++; return closure(); });
            }

            var expected = trace.Steps[i];
            Assert.That(calls, Is.EqualTo(expected.ClosureCalls), $"closure calls of step {i + 1}");
            Assert.That(ParameterValues.Read(objective.Parameters), Is.EqualTo(expected.Params).Within(Tolerance), $"parameters after step {i + 1}");
        }
    }

    /// <summary>Through the trial loop, which passes the closure: the recorded losses and points are PyTorch's (loss to 1e-10 relative).</summary>
    [TestCaseSource(nameof(Cases))]
    public void A_trial_records_pytorchs_losses_and_points(LbfgsTrace trace)
    {
        var result = TestEngine.Run(Spec(trace, trace.Steps.Count));

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), result.Error);
        for (int step = 1; step <= trace.Steps.Count; step++)
        {
            var expected = trace.Steps[step - 1];
            Assert.That(result.History[step].Params, Is.EqualTo(expected.Params).Within(Tolerance), $"parameters after step {step}");
            Assert.That(result.History[step].Loss, Is.EqualTo(expected.Loss).Within(Tolerance).Percent.Or.EqualTo(expected.Loss).Within(1e-20), $"loss after step {step}");
        }
    }

    /// <summary>Strong Wolfe with tight tolerances reaches Rosenbrock's minimum (1, 1) to 1e-6 within the trace's steps (PyTorch: step 3).</summary>
    [Test]
    public void Strong_wolfe_reaches_the_minimum_within_the_traces_steps()
    {
        var trace = LbfgsTrace.Named("strong_wolfe_tight");

        var result = TestEngine.Run(Spec(trace, trace.Steps.Count));

        Assert.That(result.History[^1].Params, Is.EqualTo(new[] { 1.0, 1.0 }).Within(1e-6));
        Assert.That(result.History[^1].Loss, Is.LessThan(1e-12));
    }

    [Test]
    public void Without_a_closure_it_refuses_to_step()
    {
        var trial = TrialResolver.Resolve(TestEngine.Analytic("torch-lbfgs", "rosenbrock", 1, "-1.5,2"), TestEngine.Catalog);
        using var scope = TestEngine.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TrialScope>().Start(trial, trial.CreateContext(DataLocations.None));
        var optimizer = scope.ServiceProvider.GetRequiredService<IOptimizer>();

        var error = Assert.Throws<InvalidOperationException>(() => optimizer.Step());

        Assert.That(error!.Message, Is.EqualTo("torch-lbfgs evaluates the loss several times per step: call Step(closure)"));
    }

    private static TrialSpec Spec(LbfgsTrace trace, int steps) =>
        TestEngine.Analytic("torch-lbfgs", "rosenbrock", steps, "-1.5,2") with { Hyperparameters = trace.Options.ToDictionary() };
}
