using System.Text;
using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Runs.Files;
using Descent.Tracking;
using Descent.Tracking.Model;
using Descent.Tracking.Recording;

namespace Descent.Runs.Trials;

/// <summary>
/// Records one trial as one MLflow run (<see cref="TrialRunLayout"/> says what goes where). Follows the
/// trial as an <see cref="ITrialObserver"/>: every call only queues records, so training never waits for
/// the store. The configuration is attached as <see cref="ConfigurationArtifact"/> while the trial runs;
/// <see cref="FinishAsync"/> adds the caller's files as artifacts and
/// ends the run as FINISHED, FAILED or KILLED.
/// </summary>
public sealed class TrialTracker : ITrialObserver
{
    /// <summary>The artifact with the resolved configuration (<see cref="TrialIdentity.CanonicalJson"/>, indented).</summary>
    public const string ConfigurationArtifact = RunKeys.Artifacts.Configuration;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private IReadOnlyList<string> trajectory = [];
    private long? clockLoggedAt;

    internal TrialTracker(RunRecorder recorder, ResolvedTrial trial)
    {
        Recorder = recorder;
        Trial = trial;
        foreach (var param in TrialRunLayout.Params(trial))
        {
            recorder.LogParam(param.Key, param.Value);
        }

        // The configuration is known now: attach it while the trial runs, not after.
        string configuration = ScratchDirectory.NewPath("descent-trial", ".json");
        File.WriteAllText(configuration, ConfigurationJson(trial), Utf8);
        recorder.LogArtifact(configuration, ConfigurationArtifact, deleteAfter: true);
    }

    /// <summary>The run's recorder (more params, tags or metrics can go through it).</summary>
    public RunRecorder Recorder { get; }

    /// <summary>The trial.</summary>
    public ResolvedTrial Trial { get; }

    /// <inheritdoc />
    public void OnStarted(ResolvedTrial trial, TrialContext context, ParameterSet parameters)
    {
        trajectory = TrialRunLayout.TrajectoryKeys(parameters.Names.Select((name, i) => (name, parameters[i].numel())).ToArray());
    }

    /// <inheritdoc />
    public void OnRecorded(HistoryPoint point)
    {
        long step = Step(point);
        Recorder.LogMetric(RunKeys.Metrics.Loss, point.Loss, step);
        if (Trial.UsesData)
        {
            Recorder.LogMetric(RunKeys.Metrics.Epoch, point.Epoch, step);
        }

        if (point.LearningRate is { } lr)
        {
            Recorder.LogMetric(RunKeys.Metrics.LearningRate, lr, step);
        }

        if (point.Params is { } values && values.Count == trajectory.Count)
        {
            for (int i = 0; i < values.Count; i++)
            {
                Recorder.LogMetric(trajectory[i], values[i], step);
            }
        }
    }

    /// <inheritdoc />
    public void OnEvaluated(Evaluation evaluation)
    {
        foreach (var (key, value, step) in TrialRunLayout.EvaluationMetrics(evaluation))
        {
            Recorder.LogMetric(key, value, step);
        }

        // The splits of one evaluation share its time point: the clock is logged with the first of them.
        if (evaluation.Samples != clockLoggedAt)
        {
            var (clockKey, seconds, clockStep) = TrialRunLayout.TrainClockMetric(evaluation);
            Recorder.LogMetric(clockKey, seconds, clockStep);
            clockLoggedAt = evaluation.Samples;
        }
    }

    /// <inheritdoc />
    public void OnEpochCompleted(int epoch, double seconds) => Recorder.LogMetric(RunKeys.Metrics.EpochSeconds, seconds, epoch);

    /// <inheritdoc />
    public void OnCompleted(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        long step = result.History.Count == 0 ? 0 : Step(result.History[^1]);
        Recorder.LogMetric(RunKeys.Metrics.FinalLoss, result.FinalLoss, step);
        Recorder.LogMetric(RunKeys.Metrics.WallSeconds, result.WallSeconds, step);
        if (result.SecondsPerEpoch is { } perEpoch)
        {
            Recorder.LogMetric(RunKeys.Metrics.SecondsPerEpoch, perEpoch, step);
        }

        if (result.Evaluations.Count > 0)
        {
            Recorder.LogMetric(RunKeys.Metrics.EvaluationSeconds, result.EvaluationSeconds, step);
        }

        foreach (var (key, value) in TrialRunLayout.TargetMetrics(Trial, result))
        {
            Recorder.LogMetric(key, value, step);
        }

        foreach (var tag in TrialRunLayout.DatasetTags(result.Dataset))
        {
            Recorder.SetTag(tag.Key, tag.Value);
        }

        Recorder.SetTag(RunKeys.Tags.Status, TrialRunLayout.StatusTag(result.Status));
        if (result.Error is { } error)
        {
            Recorder.SetTag(RunKeys.Tags.Error, error);
        }
    }

    /// <summary>
    /// Ends the run: attaches every file under <paramref name="artifactDirectory"/> (paths kept; a copy of
    /// <see cref="ConfigurationArtifact"/>, attached when the trial started, is written there too), then sets
    /// the status from the result's.
    /// </summary>
    /// <param name="result">What <see cref="TrialRunner.Run"/> returned (after <see cref="OnCompleted"/>).</param>
    /// <param name="artifactDirectory">Files to attach (the host's result.json, history.csv, pictures), or null.</param>
    /// <param name="storeTimeout">How long the store may still take; null for its retry budget (a killed trial: 10 s).</param>
    /// <param name="copyConfiguration">Write the copy of <see cref="ConfigurationArtifact"/> into <paramref name="artifactDirectory"/> (for a user's folder; a scratch folder needs none).</param>
    public async Task<RunOutcome> FinishAsync(TrialResult result, string? artifactDirectory = null, TimeSpan? storeTimeout = null, bool copyConfiguration = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        var artifacts = new List<(string, string)>();
        if (artifactDirectory is not null)
        {
            // A copy next to the caller's files (it was attached when the trial started).
            Directory.CreateDirectory(artifactDirectory);
            if (copyConfiguration)
            {
                await File.WriteAllTextAsync(Path.Combine(artifactDirectory, ConfigurationArtifact), ConfigurationJson(Trial), Utf8).ConfigureAwait(false);
            }

            artifacts.AddRange(Directory.EnumerateFiles(artifactDirectory, "*", SearchOption.AllDirectories)
                .Select(f => (f, Path.GetRelativePath(artifactDirectory, f).Replace(Path.DirectorySeparatorChar, '/')))
                .Where(a => a.Item2 != ConfigurationArtifact)
                .OrderBy(a => a.Item2, StringComparer.Ordinal));
        }

        return await Recorder.FinishAsync(TrialRunLayout.RunStatusOf(result.Status), artifacts, storeTimeout).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the run of a trial that never produced a result (its plugins could not be created, say) as
    /// FAILED, with <c>descent.status = failed</c> and <paramref name="error"/> as <c>descent.error</c>.
    /// </summary>
    public Task<RunOutcome> FailAsync(string error, TimeSpan? storeTimeout = null)
    {
        Recorder.SetTag(RunKeys.Tags.Status, TrialRunLayout.StatusTag(TrialStatus.Failed));
        Recorder.SetTag(RunKeys.Tags.Error, error);
        return Recorder.FinishAsync(RunStatus.Failed, storeTimeout: storeTimeout);
    }

    private static string ConfigurationJson(ResolvedTrial trial) => TrialIdentity.CanonicalJson(trial, indented: true) + "\n";

    private long Step(HistoryPoint point) => Trial.UsesData ? point.Samples : point.Step;
}
