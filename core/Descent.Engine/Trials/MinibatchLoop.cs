using System.Diagnostics;
using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Engine.Trials;

/// <summary>
/// The loop for data objectives, as the chapter's <c>train_ch7</c>: each epoch the rows are shuffled
/// (a seeded permutation from the trial's <c>shuffle</c> stream), then walked in minibatches (the last
/// one may be smaller); the full-data loss is recorded at the start and whenever the samples seen
/// cross a multiple of <see cref="TrainingSettings.RecordEvery"/>. A non-finite loss ends the trial as
/// diverged.
/// </summary>
/// <remarks>
/// Speed: the time per step is per-call overhead into libtorch, so the loop gathers the shuffled rows
/// once per epoch and hands out batches as views (<c>narrow</c>), and uses the objective's closed-form
/// gradient (<see cref="IGradientObjective"/>) unless the trial asks for autograd.
/// </remarks>
public static class MinibatchLoop
{
    /// <summary>Runs the configured epochs.</summary>
    public static TrialResult Run(TrainingRun run)
    {
        var clock = Stopwatch.StartNew();
        var settings = run.Trial.Training;
        int epochs = settings.Epochs ?? throw new InvalidOperationException("data trials need epochs");
        long batchSize = settings.BatchSize ?? throw new InvalidOperationException("data trials need a batch size");
        long recordEvery = settings.RecordEvery ?? throw new InvalidOperationException("data trials need a recording interval");
        var dataset = run.Dataset ?? throw new InvalidOperationException("data trials need a dataset");
        var features = dataset.Features;
        var labels = dataset.Labels;
        long rows = features.shape[0];
        var everything = new Batch(features, labels);
        var closedForm = settings.Autograd ? null : run.Objective as IGradientObjective;
        using var shuffle = run.Context.CreateGenerator("shuffle");

        var status = Record(run, everything, rows) ? TrialStatus.Finished : TrialStatus.Diverged;
        for (int epoch = 0; epoch < epochs && status == TrialStatus.Finished; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                var order = randperm(rows, generator: shuffle).to(features.device);
                var shuffledFeatures = features.index_select(0, order);
                var shuffledLabels = labels.index_select(0, order);
                for (long start = 0; start < rows; start += batchSize)
                {
                    if (run.Cancellation.IsCancellationRequested)
                    {
                        status = TrialStatus.Killed;
                        break;
                    }

                    long size = Math.Min(batchSize, rows - start);
                    run.Schedule?.BeforeStep(run.Steps, epoch);
                    Step(run, closedForm, new Batch(shuffledFeatures.narrow(0, start, size), shuffledLabels.narrow(0, start, size)));
                    long before = run.Samples;
                    run.Steps++;
                    run.Samples += size;
                    if (run.Samples / recordEvery > before / recordEvery && !Record(run, everything, rows))
                    {
                        status = TrialStatus.Diverged;
                        break;
                    }
                }
            }

            if (status == TrialStatus.Finished)
            {
                run.CompleteEpoch(epochClock.Elapsed.TotalSeconds);
            }
        }

        return run.Finish(status, clock.Elapsed.TotalSeconds);
    }

    private static void Step(TrainingRun run, IGradientObjective? closedForm, Batch batch)
    {
        using var scope = NewDisposeScope();
        if (run.Optimizer is IClosureOptimizer closureOptimizer)
        {
            // The closure re-evaluates the loss, so it takes the autograd path (the closed form gives no loss).
            closureOptimizer.Step(LossClosure.For(run.Objective, batch));
            return;
        }

        if (closedForm is not null)
        {
            closedForm.ComputeGradient(batch);
        }
        else
        {
            ParameterValues.ZeroGrad(run.Objective.Parameters);
            run.Objective.TrainingLoss(batch).backward();
        }

        run.Optimizer.Step();
    }

    private static bool Record(TrainingRun run, Batch everything, long rows)
    {
        double loss;
        using (NewDisposeScope())
        using (no_grad())
        {
            // Not ToDouble(): its Scalar could be freed by the finalizer while it is read (HeldScalars says why).
            using var value = run.Objective.Loss(everything).ToScalar();
            loss = value.ToDouble();
        }

        run.Record(new HistoryPoint(run.Steps, run.Samples, (double)run.Samples / rows, loss, null) { LearningRate = run.Steps == 0 ? null : run.Schedule?.Applied });
        return double.IsFinite(loss);
    }
}
