using System.Diagnostics;
using Descent.Contracts;
using Descent.Testing.Problems;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Testing.Checks;

/// <summary>
/// What every optimizer must do, checked on small deterministic problems: be created with its defaults
/// in float32 and float64, leave parameters without a gradient alone, make progress with a small
/// learning rate, stay finite on zero gradients, repeat its bits, resume from saved state bit for bit,
/// keep memory flat, keep dtypes, give the same bits on two threads, and (reported, not judged) its speed.
/// </summary>
internal static class OptimizerChecks
{
    private static readonly TestProblem Quadratic = new QuadraticProblem();
    private static readonly TestProblem LeastSquares = new LeastSquaresProblem();

    public static IEnumerable<CheckResult> Run(OptimizerHarness harness, VerifierSettings settings)
    {
        var construction = Guard("construction", () => Construction(harness));
        yield return construction;
        if (construction.Outcome == CheckOutcome.Fail)
        {
            yield break; // every other check needs an optimizer
        }

        yield return Guard("no gradient, no change", () => NoGradientNoChange(harness));
        yield return Guard("progress", () => Progress(harness));
        yield return Guard("zero gradients", () => ZeroGradients(harness));
        yield return Guard("determinism", () => Determinism(harness));
        yield return Guard("state round trip", () => StateRoundTrip(harness));
        yield return Guard("memory", () => Memory(harness, settings.MemorySteps));
        yield return Guard("dtype and device", () => DTypes(harness));
        yield return Guard("concurrency", () => Concurrency(harness));
        yield return Guard("speed", () => Speed(harness, settings));
        yield return Guard("learning rate from the host", () => HostLearningRate(harness));
    }

    private static CheckResult Construction(OptimizerHarness harness)
    {
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            try
            {
                using var run = new ProblemRun(harness, Quadratic, dtype, harness.Options(lr: null));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return CheckResult.Failed("construction", $"creating it with its default options for {dtype} parameters threw {Describe(e)}",
                    "the constructor must accept the defaults of its own options class; validate options in the options class and keep the constructor free of failures");
            }
        }

        return CheckResult.Passed("construction", "created with its defaults for float32 and float64 parameters");
    }

    private static CheckResult NoGradientNoChange(OptimizerHarness harness)
    {
        if (harness.Plugin.ImplementationType.IsAssignableTo(typeof(IClosureOptimizer)))
        {
            return CheckResult.Passed("no gradient, no change", "not applicable: a closure-based optimizer computes its gradients through the closure");
        }

        using var run = new ProblemRun(harness, Quadratic, ScalarType.Float64, harness.Options());
        double[] before = OptimizerHarness.Values(run.Parameters);
        run.Optimizer.Step();
        run.Optimizer.Step();
        double[] after = OptimizerHarness.Values(run.Parameters);
        return before.SequenceEqual(after)
            ? CheckResult.Passed("no gradient, no change", "two steps with no gradient computed left every parameter as it was")
            : CheckResult.Failed("no gradient, no change", $"two steps with no gradient moved the parameters from [{Format(before)}] to [{Format(after)}]",
                "skip a parameter whose grad is null (SlotOptimizer does this for you)");
    }

    private static CheckResult Progress(OptimizerHarness harness)
    {
        var lines = new List<string>();
        foreach (var problem in new[] { Quadratic, LeastSquares })
        {
            using var run = new ProblemRun(harness, problem, ScalarType.Float64, harness.Options());
            double start = problem.LossValue(run.Parameters);
            OptimizerHarness.Run(run.Optimizer, problem, run.Parameters, 50);
            double end = problem.LossValue(run.Parameters);
            if (!(end < start))
            {
                return CheckResult.Failed("progress", $"on {problem.Name} the loss went from {start:G6} to {end:G6} in 50 steps{LearningRateNote(harness)}",
                    "check the sign of the update (parameters move against the gradient) and that the step uses the learning rate");
            }

            lines.Add($"{problem.Name} {start:G4} -> {end:G4}");
        }

        return CheckResult.Passed("progress", $"50 steps{LearningRateNote(harness)}: {string.Join("; ", lines)}");
    }

    private static CheckResult ZeroGradients(OptimizerHarness harness)
    {
        using var run = new ProblemRun(harness, Quadratic, ScalarType.Float64, harness.Options());
        OptimizerHarness.Run(run.Optimizer, Quadratic, run.Parameters, 10, zeroGradients: true);
        double[] values = OptimizerHarness.Values(run.Parameters);
        return values.All(double.IsFinite)
            ? CheckResult.Passed("zero gradients", "10 steps on all-zero gradients kept every parameter finite")
            : CheckResult.Failed("zero gradients", $"10 steps on all-zero gradients gave [{Format(values)}]",
                "guard divisions by the gradient's size with eps (e.g. sqrt(v) + eps), as PyTorch's optimizers do");
    }

    private static CheckResult Determinism(OptimizerHarness harness)
    {
        double[] first = Trajectory(harness, LeastSquares, 30, ScalarType.Float64);
        double[] second = Trajectory(harness, LeastSquares, 30, ScalarType.Float64);
        int differ = first.Zip(second).Count(p => BitConverter.DoubleToInt64Bits(p.First) != BitConverter.DoubleToInt64Bits(p.Second));
        return differ == 0
            ? CheckResult.Passed("determinism", "two runs of 30 steps gave the same bits")
            : CheckResult.Failed("determinism", $"two runs of 30 steps differ in {differ} of {first.Length} values",
                "draw randomness only from a generator seeded from the trial (TrialContext.CreateGenerator), never from the clock or a shared global");
    }

    private static CheckResult StateRoundTrip(OptimizerHarness harness)
    {
        const int half = 10;
        double[] straight = Trajectory(harness, LeastSquares, 2 * half, ScalarType.Float64);

        byte[] state;
        double[] middle;
        using (var run = new ProblemRun(harness, LeastSquares, ScalarType.Float64, harness.Options()))
        {
            OptimizerHarness.Run(run.Optimizer, LeastSquares, run.Parameters, half);
            var buffer = new MemoryStream();
            run.Optimizer.SaveState(buffer);
            state = buffer.ToArray();
            middle = OptimizerHarness.Values(run.Parameters);
        }

        using var resumed = new ProblemRun(harness, LeastSquares, ScalarType.Float64, harness.Options(), middle);
        resumed.Optimizer.LoadState(new MemoryStream(state));
        OptimizerHarness.Run(resumed.Optimizer, LeastSquares, resumed.Parameters, half);
        double[] continued = OptimizerHarness.Values(resumed.Parameters);
        return straight.SequenceEqual(continued)
            ? CheckResult.Passed("state round trip", $"saved after {half} steps ({state.Length} bytes), loaded into a fresh optimizer, {half} more steps: the same bits as {2 * half} straight steps")
            : CheckResult.Failed("state round trip", $"after save at step {half}, load and {half} more steps the parameters are [{Format(continued)}], not [{Format(straight)}] as without the interruption",
                "SaveState must write everything a step reads (step count, every moment buffer) and LoadState restore it exactly");
    }

    private static CheckResult Memory(OptimizerHarness harness, int steps)
    {
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        long atTen = 0, atEnd = 0;
        using (var run = new ProblemRun(harness, Quadratic, ScalarType.Float32, harness.Options(lr: 1e-4)))
        {
            OptimizerHarness.Run(run.Optimizer, Quadratic, run.Parameters, steps, afterStep: step =>
            {
                if (step == 10)
                {
                    atTen = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
                }
                else if (step == steps)
                {
                    atEnd = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
                }
            });
        }

        long after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        if (atEnd != atTen)
        {
            return CheckResult.Failed("memory", $"live tensors grew from {atTen} at step 10 to {atEnd} at step {steps} ({(atEnd - atTen) / (double)(steps - 10):G3} per step)",
                "create temporaries inside Step's dispose scope, keep state detached (DetachFromDisposeScope) and dispose state you replace");
        }

        return after == before
            ? CheckResult.Passed("memory", $"live tensors flat from step 10 to step {steps}, and none left after Dispose")
            : CheckResult.Failed("memory", $"{after - before} tensors outlived the optimizer's Dispose",
                "dispose every state tensor in Dispose");
    }

    private static CheckResult DTypes(OptimizerHarness harness)
    {
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            using var run = new ProblemRun(harness, LeastSquares, dtype, harness.Options());
            OptimizerHarness.Run(run.Optimizer, LeastSquares, run.Parameters, 3);
            var changed = run.Parameters.Zip(run.Parameters.Names).FirstOrDefault(p => p.First.dtype != dtype || p.First.device_type != DeviceType.CPU);
            if (changed.First is not null)
            {
                return CheckResult.Failed("dtype and device", $"parameter '{changed.Second}' started as {dtype} on cpu and is {changed.First.dtype} on {changed.First.device_type} after 3 steps",
                    "update parameters in place (sub_, add_, copy_) and create state with zeros_like(parameter)");
            }

        }

        if (SinglePrecisionSteps(harness) is { } rounded)
        {
            return CheckResult.Failed("dtype and device", $"float64 parameters moved only by steps that float32 represents exactly ({rounded}): the update is computed in float32",
                "compute in the parameter's dtype: no .to(float32) or float32 literal tensors, and state created with zeros_like(parameter)");
        }

        return CheckResult.Passed("dtype and device", "float32 and float64 parameters keep their dtype and device over 3 steps, and float64 steps are not float32-rounded");
    }

    /// <summary>
    /// A description of the steps of float64 parameters when every one of them (at least 4 that are not zero, over 3
    /// steps) is a float32 value: then the update was computed in float32 and cast back. A float64 computation at
    /// the harness's small learning rate gives such a step by chance with a probability of about 2^-29 per element.
    /// </summary>
    private static string? SinglePrecisionSteps(OptimizerHarness harness)
    {
        using var run = new ProblemRun(harness, LeastSquares, ScalarType.Float64, harness.Options());
        var before = OptimizerHarness.Values(run.Parameters);
        var steps = new List<double>();
        OptimizerHarness.Run(run.Optimizer, LeastSquares, run.Parameters, 3, afterStep: _ =>
        {
            var after = OptimizerHarness.Values(run.Parameters);
            steps.AddRange(after.Zip(before, (a, b) => a - b).Where(d => d != 0));
            before = after;
        });
        return steps.Count >= 4 && steps.All(d => (double)(float)d == d)
            ? $"{steps.Count} of {steps.Count} non-zero steps, e.g. {steps[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"
            : null;
    }

    private static CheckResult Concurrency(OptimizerHarness harness)
    {
        double[] alone = Trajectory(harness, LeastSquares, 30, ScalarType.Float64);
        double[][] together = new double[2][];
        Exception? failure = null;
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
        {
            try
            {
                together[i] = Trajectory(harness, LeastSquares, 30, ScalarType.Float64);
            }
            catch (Exception e)
            {
                failure = e;
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        if (failure is not null)
        {
            return CheckResult.Failed("concurrency", $"two instances on two threads threw {Describe(failure)}",
                "keep state in the instance, not in static fields");
        }

        return together.All(t => t.SequenceEqual(alone))
            ? CheckResult.Passed("concurrency", "two instances on two threads gave the bits of one run alone")
            : CheckResult.Failed("concurrency", "two instances on two threads gave other numbers than one run alone",
                "keep state in the instance, not in static fields, and draw randomness from the trial's generator");
    }

    private static CheckResult Speed(OptimizerHarness harness, VerifierSettings settings)
    {
        double own = MicrosecondsPerStep(harness);
        var compared = settings.SpeedReferences
            .Where(r => r.Manifest.Id != harness.Plugin.Manifest.Id)
            .Select(r => $"{own / MicrosecondsPerStep(new OptimizerHarness(r, Descent.Engine.Options.OptionsSchema.For(r.OptionsType))):F2}x {r.Manifest.Id}")
            .ToArray();
        return CheckResult.Passed("speed", $"{own:F1} us per step on the least-squares problem{(compared.Length == 0 ? "" : " (" + string.Join(", ", compared) + ")")}; reported, not judged");
    }

    /// <summary>
    /// Microseconds per step on the least-squares problem: 50 steps of warm-up, then 500 timed steps, each phase cut
    /// short after 2 seconds (an optimizer that evaluates its closure many times per step, such as L-BFGS, gets
    /// fewer steps rather than minutes).
    /// </summary>
    private static double MicrosecondsPerStep(OptimizerHarness harness)
    {
        const int warmUp = 50, steps = 500;
        var budget = TimeSpan.FromSeconds(2);
        using var run = new ProblemRun(harness, LeastSquares, ScalarType.Float32, harness.Options(lr: 1e-4));
        var warming = Stopwatch.StartNew();
        for (int step = 0; step < warmUp && warming.Elapsed < budget; step++)
        {
            OptimizerHarness.Run(run.Optimizer, LeastSquares, run.Parameters, 1);
        }

        int timed = 0;
        var clock = Stopwatch.StartNew();
        while (timed < steps && clock.Elapsed < budget)
        {
            OptimizerHarness.Run(run.Optimizer, LeastSquares, run.Parameters, 1);
            timed++;
        }

        return clock.Elapsed.TotalMicroseconds / timed;
    }

    /// <summary>
    /// Contract 1.1: an optimizer created with lr 0.02 whose rate the host sets to 0.01 before every step must
    /// take the steps of one created with 0.01, bit for bit, and report the rate it was set to.
    /// </summary>
    private static CheckResult HostLearningRate(OptimizerHarness harness)
    {
        const string check = "learning rate from the host";
        if (!harness.Plugin.ImplementationType.IsAssignableTo(typeof(IScheduledOptimizer)))
        {
            return CheckResult.Warned(check, "does not implement IScheduledOptimizer: it runs at a constant rate and a trial that asks for a schedule refuses it",
                "pass lr to SlotOptimizer's constructor (parameters, slots, options.Lr), use Lr in Update and add IScheduledOptimizer to the class");
        }

        if (harness.Schema.Find("lr") is null)
        {
            return CheckResult.Passed(check, "no lr hyperparameter: a schedule scales the update from a rate of 1");
        }

        double[] reference = Trajectory(harness, LeastSquares, 20, ScalarType.Float64);
        using var run = new ProblemRun(harness, LeastSquares, ScalarType.Float64, harness.Options(lr: 2 * OptimizerHarness.SmallLearningRate));
        var scheduled = (IScheduledOptimizer)run.Optimizer;
        double configured = scheduled.LearningRate;
        for (int step = 0; step < 20; step++)
        {
            scheduled.LearningRate = OptimizerHarness.SmallLearningRate;
            OptimizerHarness.Run(run.Optimizer, LeastSquares, run.Parameters, 1);
        }

        double[] values = OptimizerHarness.Values(run.Parameters);
        if (configured != 2 * OptimizerHarness.SmallLearningRate)
        {
            return CheckResult.Failed(check, $"created with lr = {2 * OptimizerHarness.SmallLearningRate}, it reports LearningRate = {configured}",
                "LearningRate reads as the configured lr until the host sets it");
        }

        return values.SequenceEqual(reference)
            ? CheckResult.Passed(check, $"created with lr = {2 * OptimizerHarness.SmallLearningRate} and set to {OptimizerHarness.SmallLearningRate} before each step: the bits of a run created with {OptimizerHarness.SmallLearningRate}")
            : CheckResult.Failed(check, $"created with lr = {2 * OptimizerHarness.SmallLearningRate} and set to {OptimizerHarness.SmallLearningRate} before each of 20 steps, it ends at [{Format(values)}], not at [{Format(reference)}] as when created with {OptimizerHarness.SmallLearningRate}",
                "read the rate of each step from LearningRate (SlotOptimizer's Lr), not from the options");
    }

    private static double[] Trajectory(OptimizerHarness harness, TestProblem problem, int steps, ScalarType dtype)
    {
        using var run = new ProblemRun(harness, problem, dtype, harness.Options());
        OptimizerHarness.Run(run.Optimizer, problem, run.Parameters, steps);
        return OptimizerHarness.Values(run.Parameters);
    }

    private static CheckResult Guard(string check, Func<CheckResult> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return CheckResult.Failed(check, $"threw {Describe(e)}", "an optimizer must not throw on valid input; run the check under a debugger to see where");
        }
    }

    private static string LearningRateNote(OptimizerHarness harness) =>
        harness.Schema.Find("lr") is null ? " with its defaults" : $" with lr = {OptimizerHarness.SmallLearningRate}";

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}";

    private static string Format(double[] values) =>
        string.Join(", ", values.Take(6).Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + (values.Length > 6 ? ", ..." : "");
}
