using System.Diagnostics;
using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Engine.Trials;

/// <summary>
/// The loop for an objective with metrics (<see cref="IEvaluatedObjective"/>) on a dataset with splits
/// (<see cref="ISplitDataset"/>): minibatches as <see cref="MinibatchLoop"/> (a seeded permutation per epoch
/// from the <c>shuffle</c> stream), and at the start, every <c>eval_every</c> samples (default: once per
/// epoch) and at the end, an evaluation of <c>train</c> (the minibatch loss averaged since the previous
/// evaluation), <c>train_eval</c> (the first <see cref="TrainEvalRows"/> training samples, fixed, as DeepOBS),
/// <c>valid</c> and <c>test</c>. Evaluation time is measured apart: epoch and wall times are training only, and each
/// evaluation carries the training clock (<see cref="Evaluation.TrainSeconds"/>, from the first step on).
/// The first evaluation that reaches the trial's target (<see cref="ResolvedTrial.Target"/>) gives its time to target; a target
/// with <c>stop</c> ends the trial there, FINISHED (an epoch cut short is not counted in the epoch times).
/// Under a schedule the learning rate is set before each step; an <see cref="IClosureOptimizer"/> steps with a
/// closure (its returned loss is what <c>train/loss</c> averages). The recorded loss (<see cref="HistoryPoint.Loss"/>) is <c>train_eval</c>'s. A non-finite loss ends the
/// trial as diverged; a model that stops improving trains on.
/// </summary>
public static class EvaluatedLoop
{
    /// <summary>Samples of <c>train_eval</c> (DeepOBS evaluates as many training samples as the test set has; 10,000 for the MNISTs).</summary>
    public const long TrainEvalRows = 10_000;

    /// <summary>Runs the configured epochs.</summary>
    public static TrialResult Run(TrainingRun run)
    {
        var training = Stopwatch.StartNew();
        var settings = run.Trial.Training;
        int epochs = settings.Epochs ?? throw new InvalidOperationException("data trials need epochs");
        long batchSize = settings.BatchSize ?? throw new InvalidOperationException("data trials need a batch size");
        var dataset = (ISplitDataset)(run.Dataset ?? throw new InvalidOperationException("data trials need a dataset"));
        var objective = (IEvaluatedObjective)run.Objective;
        var features = dataset.Features;
        var labels = dataset.Labels;
        long rows = features.shape[0];
        long evalEvery = settings.EvalEvery ?? rows;
        var evaluator = new Evaluator(run, objective, dataset, settings.EvalBatchSize ?? TrainingSettings.DefaultEvalBatchSize, rows, training);
        using var shuffle = run.Context.CreateGenerator("shuffle");
        using var trainLoss = zeros(1, dtype: ScalarType.Float64, device: features.device);
        long trainSamples = 0;

        var status = evaluator.Evaluate(trainLoss, ref trainSamples) ? TrialStatus.Finished : TrialStatus.Diverged;
        run.StoppedAtTarget = status == TrialStatus.Finished && run.StopsAtTarget;
        for (int epoch = 0; epoch < epochs && status == TrialStatus.Finished && !run.StoppedAtTarget; epoch++)
        {
            bool epochEnded = true;
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
                    Step(run, new Batch(shuffledFeatures.narrow(0, start, size), shuffledLabels.narrow(0, start, size)), trainLoss, size);
                    long before = run.Samples;
                    run.Steps++;
                    run.Samples += size;
                    trainSamples += size;
                    bool last = epoch == epochs - 1 && start + size >= rows;
                    if (run.Samples / evalEvery > before / evalEvery || last)
                    {
                        AwaitQueuedSteps(features);
                        epochClock.Stop();
                        bool finite = evaluator.Evaluate(trainLoss, ref trainSamples);
                        epochClock.Start();
                        if (!finite)
                        {
                            status = TrialStatus.Diverged;
                            break;
                        }

                        if (run.StopsAtTarget)
                        {
                            // Ends FINISHED at this evaluation; the epoch counts as completed only when this was its last batch.
                            run.StoppedAtTarget = !last;
                            epochEnded = start + size >= rows;
                            break;
                        }
                    }
                }
            }

            if (status == TrialStatus.Finished && epochEnded)
            {
                run.CompleteEpoch(epochClock.Elapsed.TotalSeconds);
            }
        }

        training.Stop();
        return run.Finish(status, training.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Waits for the steps a CUDA device still has queued (it runs them asynchronously), so that the clocks stopped
    /// next count them as training, not as the evaluation that would otherwise wait for them.
    /// </summary>
    private static void AwaitQueuedSteps(Tensor onDevice)
    {
        if (onDevice.device_type == TorchSharp.DeviceType.CUDA)
        {
            cuda.synchronize(onDevice.device);
        }
    }

    private static void Step(TrainingRun run, Batch batch, Tensor trainLoss, long size)
    {
        using var scope = NewDisposeScope();
        Tensor loss;
        if (run.Optimizer is IClosureOptimizer closureOptimizer)
        {
            loss = closureOptimizer.Step(LossClosure.For(run.Objective, batch));
        }
        else
        {
            ParameterValues.ZeroGrad(run.Objective.Parameters);
            loss = run.Objective.TrainingLoss(batch);
            loss.backward();
            run.Optimizer.Step();
        }

        // Summed on the device, read only at the next evaluation: no synchronization per step. The batch size and add_'s
        // alpha as held Scalars, not a bare long and TorchSharp's default 1 (HeldScalars says why).
        using var weight = ((double)size).ToScalar();
        using var one = 1.0.ToScalar();
        trainLoss.add_(loss.detach().to(ScalarType.Float64).mul(weight), one);
    }

    /// <summary>Evaluates the splits and records the results; pauses the training clock meanwhile.</summary>
    private sealed class Evaluator(TrainingRun run, IEvaluatedObjective objective, ISplitDataset dataset, long batchSize, long rows, Stopwatch training)
    {
        private readonly int accuracyIndex = IndexOf(objective.MetricNames, "accuracy");

        // The training clock's reading at the first evaluation (before the first step): what set-up took.
        private double? setUpSeconds;

        /// <summary>False when a loss is not finite.</summary>
        public bool Evaluate(Tensor trainLoss, ref long trainSamples)
        {
            training.Stop();
            var clock = Stopwatch.StartNew();
            double elapsed = training.Elapsed.TotalSeconds;
            setUpSeconds ??= elapsed;
            double trainSeconds = elapsed - setUpSeconds.Value;
            using var scope = NewDisposeScope();
            double epoch = (double)run.Samples / rows;
            bool finite = true;
            if (trainSamples > 0)
            {
                double mean = trainLoss.cpu().data<double>()[0] / trainSamples;
                trainLoss.zero_();
                trainSamples = 0;
                run.RecordEvaluation(new Evaluation(run.Steps, run.Samples, epoch, SplitNames.Train, mean, null) { TrainSeconds = trainSeconds });
                finite &= double.IsFinite(mean);
            }

            double? recorded = null;
            foreach (var (name, features, labels) in Splits())
            {
                var means = SplitEvaluator.Means(objective, features, labels, batchSize);
                double? accuracy = accuracyIndex < 0 ? null : means[accuracyIndex];
                run.RecordEvaluation(new Evaluation(run.Steps, run.Samples, epoch, name, means[0], accuracy) { TrainSeconds = trainSeconds });
                finite &= double.IsFinite(means[0]);
                recorded ??= means[0];
            }

            run.EvaluationSeconds += clock.Elapsed.TotalSeconds;
            run.Record(new HistoryPoint(run.Steps, run.Samples, epoch, recorded ?? double.NaN, null) { LearningRate = run.Steps == 0 ? null : run.Schedule?.Applied });
            training.Start();
            return finite;
        }

        private IEnumerable<(string Name, Tensor Features, Tensor Labels)> Splits()
        {
            long trainEval = Math.Min(TrainEvalRows, rows);
            yield return (SplitNames.TrainEval, dataset.Features.narrow(0, 0, trainEval), dataset.Labels.narrow(0, 0, trainEval));
            foreach (var split in dataset.Splits.Where(s => s.Name != SplitNames.Train && s.Rows > 0))
            {
                yield return (split.Name, split.Features, split.Labels);
            }
        }

        private static int IndexOf(IReadOnlyList<string> names, string name)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
