using System.Diagnostics;
using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Engine.Trials;

/// <summary>
/// The loop for analytic objectives (no data): record f and x at the start, then per step zero the
/// gradients, back-propagate the training loss, update (an <see cref="IClosureOptimizer"/> calls the closure
/// instead), and record f and x again; under a schedule the learning rate is set before each step. Stops early as
/// diverged when f or x stops being finite.
/// </summary>
public static class AnalyticLoop
{
    /// <summary>Runs <see cref="TrainingSettings.Steps"/> steps.</summary>
    public static TrialResult Run(TrainingRun run)
    {
        var clock = Stopwatch.StartNew();
        int steps = run.Trial.Training.Steps ?? throw new InvalidOperationException("analytic trials need steps");
        var parameters = run.Objective.Parameters;

        var status = Record(run, 0) ? TrialStatus.Finished : TrialStatus.Diverged;
        for (int step = 1; step <= steps && status == TrialStatus.Finished; step++)
        {
            if (run.Cancellation.IsCancellationRequested)
            {
                status = TrialStatus.Killed;
                break;
            }

            using (NewDisposeScope())
            {
                // No data, so each step is an epoch too.
                run.Schedule?.BeforeStep(step - 1, step - 1);
                if (run.Optimizer is IClosureOptimizer closureOptimizer)
                {
                    closureOptimizer.Step(LossClosure.For(run.Objective, Batch.None));
                }
                else
                {
                    ParameterValues.ZeroGrad(parameters);
                    run.Objective.TrainingLoss(Batch.None).backward();
                    run.Optimizer.Step();
                }
            }

            run.Steps = step;
            if (!Record(run, step))
            {
                status = TrialStatus.Diverged;
            }
        }

        return run.Finish(status, clock.Elapsed.TotalSeconds);
    }

    private static bool Record(TrainingRun run, long step)
    {
        double loss;
        using (NewDisposeScope())
        using (no_grad())
        {
            // Not ToDouble(): its Scalar could be freed by the finalizer while it is read (HeldScalars says why).
            using var value = run.Objective.Loss(Batch.None).ToScalar();
            loss = value.ToDouble();
        }

        var values = ParameterValues.Read(run.Objective.Parameters);
        run.Record(new HistoryPoint(step, 0, 0, loss, values) { LearningRate = step == 0 ? null : run.Schedule?.Applied });
        return double.IsFinite(loss) && values.All(double.IsFinite);
    }
}
