using Descent.Contracts;
using Descent.Engine.Composition;
using Descent.Engine.Trials;
using Descent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace Descent.Tests.Optimizers;

/// <summary>
/// An optimizer's saved state resumes it exactly: 6 steps, save, then 6 more steps on a fresh optimizer
/// (and fresh parameters at the saved point) that loaded the state, ends bit for bit where 12
/// uninterrupted steps end. Runs over every discovered optimizer: with its defaults, or with the settings below
/// that give it more state to save (momentum buffers, running maxima) or keep it from diverging.
/// </summary>
public sealed class OptimizerStateTests
{
    [TestCaseSource(typeof(DiscoveredOptimizers), nameof(DiscoveredOptimizers.Ids))]
    public void Saved_state_continues_bit_for_bit(string optimizer)
    {
        var hyperparameters = optimizer switch
        {
            "torch-sgd" => new Dictionary<string, string> { ["lr"] = "0.01", ["momentum"] = "0.9", ["nesterov"] = "true" },
            "torch-rmsprop" => new Dictionary<string, string> { ["momentum"] = "0.5", ["centered"] = "true" },
            "torch-adam" => new Dictionary<string, string> { ["amsgrad"] = "true" },
            "sgd" or "momentum" => new Dictionary<string, string> { ["lr"] = "1e-4" },
            "sam" => new Dictionary<string, string> { ["base"] = "adam" },
            "torch-lbfgs" => new Dictionary<string, string> { ["line_search_fn"] = "strong_wolfe", ["max_iter"] = "3", ["history_size"] = "2" },
            _ => [],
        };
        var spec = TestEngine.Analytic(optimizer, "rosenbrock", 1, "-1.5,2") with { Hyperparameters = hyperparameters };

        double[] straight = Steps(spec, 12, state: null, out _);
        double[] firstHalf = Steps(spec, 6, state: null, out byte[] saved);
        double[] resumed = Steps(spec with { ObjectiveArgs = new Dictionary<string, string> { ["start"] = Join(firstHalf) } }, 6, saved, out _);

        Assert.That(resumed, Is.EqualTo(straight));
        Assert.That(resumed, Is.Not.EqualTo(firstHalf));
    }

    [Test]
    public void State_from_another_optimizer_is_refused_with_a_message()
    {
        var spec = TestEngine.Analytic("adam", "rosenbrock", 1, "-1.5,2");
        Steps(spec, 2, state: null, out byte[] adamState);

        var error = Assert.Throws<InvalidDataException>(() => Steps(spec with { Optimizer = "rmsprop" }, 1, adamState, out _));

        Assert.That(error!.Message, Is.EqualTo("Optimizer state was saved by Descent.Optimizers.Adam.Adam, not by Descent.Optimizers.RmsProp.RmsProp."));
    }

    /// <summary>Composes the trial's objective and optimizer as the runner does, optionally loads state, steps, saves state.</summary>
    private static double[] Steps(TrialSpec spec, int steps, byte[]? state, out byte[] saved)
    {
        var trial = TrialResolver.Resolve(spec, TestEngine.Catalog);
        using var scope = TestEngine.Services.CreateScope();
        using var tensors = NewDisposeScope();
        scope.ServiceProvider.GetRequiredService<TrialScope>().Start(trial, trial.CreateContext(DataLocations.None));
        var objective = scope.ServiceProvider.GetRequiredService<IObjective>();
        var optimizer = scope.ServiceProvider.GetRequiredService<IOptimizer>();
        if (state is not null)
        {
            optimizer.LoadState(new MemoryStream(state));
        }

        for (int i = 0; i < steps; i++)
        {
            using var step = NewDisposeScope();
            if (optimizer is IClosureOptimizer closureOptimizer)
            {
                closureOptimizer.Step(LossClosure.For(objective, Batch.None));
                continue;
            }

            ParameterValues.ZeroGrad(objective.Parameters);
            objective.TrainingLoss(Batch.None).backward();
            optimizer.Step();
        }

        var buffer = new MemoryStream();
        optimizer.SaveState(buffer);
        saved = buffer.ToArray();
        return ParameterValues.Read(objective.Parameters);
    }

    private static string Join(double[] values) =>
        string.Join(",", values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}
