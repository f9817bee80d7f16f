using System.Diagnostics;
using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Descent.Testing;
using Descent.Testing.Problems;
using static TorchSharp.torch;

namespace Descent.Cli.Bench;

/// <summary>
/// What a schedule adds to a step, timed alone: the host setting the next rate (<see cref="ScheduledLearningRate.BeforeStep"/>:
/// the schedule's formula and the optimizer's setter) and the optimizer taking a changed rate (adam's step with a new
/// rate before each step, less its step at a constant rate). Tight loops of a few microseconds each, the fastest of
/// several blocks: a figure that holds on a busy machine, where timing whole trials cannot resolve 2%.
/// </summary>
internal static class ScheduleWorkTimer
{
    private const int Blocks = 15;
    private const int StepsPerBlock = 2_000;

    /// <summary>Microseconds: setting the rate once, adam's update (on fixed gradients) at a constant rate, and at a rate changed before each update.</summary>
    public static (double SetRate, double ConstantStep, double ChangedStep) Measure(PluginCatalog catalog, long totalSteps)
    {
        var adam = catalog.Find("adam") ?? throw new InvalidOperationException("the bundled adam plugin is not loaded");
        var warmupCosine = catalog.Find("warmup-cosine") ?? throw new InvalidOperationException("the bundled warmup-cosine schedule is not loaded");
        var schedule = CreateSchedule(warmupCosine, totalSteps);
        var harness = new OptimizerHarness(adam.Instance, OptionsSchema.For(adam.Instance.OptionsType));
        var problem = new LeastSquaresProblem();
        var parameters = problem.CreateParameters(ScalarType.Float32);
        try
        {
            using var optimizer = harness.Create(harness.Options(lr: 0.01), parameters, ScalarType.Float32);
            OptimizerHarness.Run(optimizer, problem, parameters, 1);
            return Time(optimizer, ScheduledLearningRate.For(optimizer, schedule), totalSteps);
        }
        finally
        {
            foreach (var parameter in parameters)
            {
                parameter.Dispose();
            }
        }
    }

    /// <summary>
    /// One optimizer, blocks in turn: the host setting the rate alone; updates with the rate set to the same value
    /// before each (no new Scalar); updates with the rate set to one of two values in turn (a new Scalar each time).
    /// </summary>
    private static (double SetRate, double ConstantStep, double ChangedStep) Time(IOptimizer optimizer, ScheduledLearningRate driver, long totalSteps)
    {
        var scheduled = (IScheduledOptimizer)optimizer;
        double setRate = double.MaxValue, plain = double.MaxValue, changed = double.MaxValue;
        long t = 0;
        for (int block = 0; block < Blocks; block++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < StepsPerBlock; i++)
            {
                driver.BeforeStep(t++ % totalSteps, 0);
            }

            setRate = Math.Min(setRate, clock.Elapsed.TotalMicroseconds / StepsPerBlock);
            clock.Restart();
            for (int i = 0; i < StepsPerBlock; i++)
            {
                scheduled.LearningRate = 0.01;
                optimizer.Step();
            }

            plain = Math.Min(plain, clock.Elapsed.TotalMicroseconds / StepsPerBlock);
            clock.Restart();
            for (int i = 0; i < StepsPerBlock; i++)
            {
                scheduled.LearningRate = 0.01 * (1 + ((i & 1) * 1e-3));
                optimizer.Step();
            }

            changed = Math.Min(changed, clock.Elapsed.TotalMicroseconds / StepsPerBlock);
        }

        return (setRate, plain, changed);
    }

    private static ILearningRateSchedule CreateSchedule(LoadedPlugin plugin, long totalSteps)
    {
        var problems = new List<ConfigurationProblem>();
        var bound = OptionsBinder.Bind(OptionsSchema.For(plugin.Instance.OptionsType), PluginKind.Schedule, plugin.Id,
            [new("warmup_steps", "100"), new("total_steps", totalSteps.ToString(System.Globalization.CultureInfo.InvariantCulture))], problems)
            ?? throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.Message)));
        // warmup-cosine takes its options alone; the engine's composition would give it the same.
        return (ILearningRateSchedule)Activator.CreateInstance(plugin.Instance.ImplementationType, bound.Instance)!;
    }
}
