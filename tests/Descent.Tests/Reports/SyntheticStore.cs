using System.Globalization;
using Descent.Runs;
using Descent.Tests.Tracking.Support;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;

namespace Descent.Tests.Reports;

/// <summary>A temporary FileStore holding trial runs and sweep parents written by hand, with known numbers.</summary>
public sealed class SyntheticStore : IDisposable
{
    private readonly TempDirectory temp = new();
    private int origin;

    public SyntheticStore()
    {
        Store = new FileTrackingStore(Root);
    }

    public string Root => temp.Sub("mlruns");

    public FileTrackingStore Store { get; }

    /// <summary>A directory next to the store, for report files.</summary>
    public string Output(string name) => temp.Sub(name);

    public async Task<string> ExperimentAsync(string name) => (await Store.GetOrCreateExperimentAsync(name)).ExperimentId;

    /// <summary>Writes a trial run (linear regression on airfoil) and returns its id.</summary>
    public async Task<string> AddTrialAsync(string experimentId, SyntheticTrial trial)
    {
        var tags = new List<RunTag>
        {
            new(RunKeys.Tags.Status, trial.Outcome),
            new(RunKeys.Tags.Configuration, trial.Configuration),
        };
        if (trial.Sweep is { } sweep)
        {
            tags.Add(new RunTag(RunKeys.Tags.Sweep, sweep));
            tags.Add(new RunTag(RunKeys.Tags.Kind, RunKeys.Tags.TrialKind));
        }

        if (trial.TrialIndex is { } index)
        {
            tags.Add(new RunTag(RunKeys.Tags.TrialIndex, index.ToString(CultureInfo.InvariantCulture)));
        }

        if (trial.TrialHash is { } hash)
        {
            tags.Add(new RunTag(RunKeys.Tags.TrialHash, hash));
        }

        if (trial.Error is { } error)
        {
            tags.Add(new RunTag(RunKeys.Tags.Error, error));
        }

        string name = trial.TrialIndex is { } i ? $"trial-{i:D4}" : $"{trial.Optimizer}-seed{trial.Seed}";
        var run = await Store.CreateRunAsync(new RunCreation(experimentId, name, trial.StartTime, "tester", $"origin-{++origin}", tags));
        var parameters = new List<Param>
        {
            new("optimizer", trial.Optimizer), new("objective", "linear-regression"), new("dataset", "airfoil"),
            new("epochs", trial.Epochs.ToString(CultureInfo.InvariantCulture)), new("batch_size", trial.BatchSize.ToString(CultureInfo.InvariantCulture)),
            new("seed", trial.Seed.ToString(CultureInfo.InvariantCulture)), new("dtype", "float32"),
        };
        if (trial.LearningRate is { } lr)
        {
            parameters.Add(new Param("lr", lr));
        }

        var metrics = new List<Metric>();
        for (int k = 0; k < trial.Losses.Length; k++)
        {
            metrics.Add(new Metric("loss", trial.Losses[k], trial.StartTime + k, k * 100));
            metrics.Add(new Metric("epoch", k * 100 / 1500.0, trial.StartTime + k, k * 100));
        }

        if (trial.Losses.Length > 0)
        {
            metrics.Add(new Metric("final_loss", trial.Losses[^1], trial.StartTime + trial.Losses.Length, 0));
        }

        foreach (var (key, values) in new[] { ("valid/accuracy", trial.ValidAccuracy), ("test/accuracy", trial.TestAccuracy) })
        {
            for (int k = 0; k < (values?.Length ?? 0); k++)
            {
                metrics.Add(new Metric(key, values![k], trial.StartTime + k, k * 100));
            }
        }

        if (trial.Target is { } target)
        {
            parameters.AddRange([new Param("target.metric", target.Metric), new Param("target.value", target.Value), new Param("target.mode", "max"), new Param("target.stop", "false")]);
        }

        if (trial.TimeToTarget is { } reached)
        {
            metrics.Add(new Metric("time_to_target/steps", reached.Steps, trial.StartTime + trial.Losses.Length, 0));
            metrics.Add(new Metric("time_to_target/samples", reached.Samples, trial.StartTime + trial.Losses.Length, 0));
            metrics.Add(new Metric("time_to_target/seconds", reached.Seconds, trial.StartTime + trial.Losses.Length, 0));
        }

        if (trial.SecondsPerEpoch is { } seconds)
        {
            metrics.Add(new Metric("seconds_per_epoch", seconds, trial.StartTime + trial.Losses.Length, 0));
        }

        await Store.LogBatchAsync(run.RunId, new LogBatch(metrics, parameters, []));
        await Store.UpdateRunAsync(run.RunId, trial.Status, trial.Status == RunStatus.Running ? null : trial.StartTime + 1000);
        return run.RunId;
    }

    /// <summary>Writes a sweep's parent run.</summary>
    public async Task<string> AddParentAsync(string experimentId, string sweep, string name, int trials, RunStatus status, long startTime)
    {
        var tags = new List<RunTag>
        {
            new(RunKeys.Tags.Sweep, sweep), new(RunKeys.Tags.Kind, RunKeys.Tags.SweepKind), new(RunKeys.Tags.SweepName, name),
            new(RunKeys.Tags.SweepFile, $"experiments/{name}.yaml"), new(RunKeys.Tags.TrialCount, trials.ToString(CultureInfo.InvariantCulture)),
        };
        var run = await Store.CreateRunAsync(new RunCreation(experimentId, name, startTime, "tester", $"origin-{++origin}", tags));
        await Store.UpdateRunAsync(run.RunId, status, status == RunStatus.Running ? null : startTime + 5000);
        return run.RunId;
    }

    public void Dispose()
    {
        Store.Dispose();
        temp.Dispose();
    }
}
