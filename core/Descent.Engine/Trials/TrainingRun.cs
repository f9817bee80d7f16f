using Descent.Contracts;

namespace Descent.Engine.Trials;

/// <summary>The state of one trial's training loop: its plugins, what has been recorded so far, and how to finish.</summary>
public sealed class TrainingRun(
    ResolvedTrial trial,
    IObjective objective,
    IOptimizer optimizer,
    IDataset? dataset,
    TrialContext context,
    ITrialObserver observer,
    CancellationToken cancellation)
{
    private readonly List<HistoryPoint> history = [];
    private readonly List<double> epochSeconds = [];
    private readonly List<Evaluation> evaluations = [];

    /// <summary>The trial.</summary>
    public ResolvedTrial Trial { get; } = trial;

    /// <summary>The objective.</summary>
    public IObjective Objective { get; } = objective;

    /// <summary>The optimizer.</summary>
    public IOptimizer Optimizer { get; } = optimizer;

    /// <summary>The data, for data objectives.</summary>
    public IDataset? Dataset { get; } = dataset;

    /// <summary>Seed, dtype and device.</summary>
    public TrialContext Context { get; } = context;

    /// <summary>Signalled to stop early (status killed).</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Sets the optimizer's learning rate before each step; null without a schedule.</summary>
    public ScheduledLearningRate? Schedule { get; init; }

    /// <summary>Optimizer steps taken.</summary>
    public long Steps { get; set; }

    /// <summary>Training samples seen.</summary>
    public long Samples { get; set; }

    /// <summary>Adds a point to the history and tells the observer.</summary>
    public HistoryPoint Record(HistoryPoint point)
    {
        history.Add(point);
        observer.OnRecorded(point);
        return point;
    }

    /// <summary>Seconds spent evaluating splits (not counted in epoch or training time).</summary>
    public double EvaluationSeconds { get; set; }

    /// <summary>Where the trial first reached its target; null until it has (or without a target).</summary>
    public Targets.TimeToTarget? TimeToTarget { get; private set; }

    /// <summary>True once the target is reached and the trial is to stop there (<see cref="Targets.TrialTarget.Stop"/>).</summary>
    public bool StopsAtTarget => TimeToTarget is not null && Trial.Target is { Stop: true };

    /// <summary>Set by the loop when it ended early because <see cref="StopsAtTarget"/>.</summary>
    public bool StoppedAtTarget { get; set; }

    /// <summary>Adds an evaluation and tells the observer; notes the time to target when this evaluation first reaches it.</summary>
    public void RecordEvaluation(Evaluation evaluation)
    {
        evaluations.Add(evaluation);
        if (TimeToTarget is null && Trial.Target is { } target && Targets.TargetCrossing.Reaches(target, evaluation))
        {
            TimeToTarget = new Targets.TimeToTarget(evaluation.Step, evaluation.Samples, evaluation.TrainSeconds);
        }

        observer.OnEvaluated(evaluation);
    }

    /// <summary>Notes a completed epoch.</summary>
    public void CompleteEpoch(double seconds)
    {
        epochSeconds.Add(seconds);
        observer.OnEpochCompleted(epochSeconds.Count, seconds);
    }

    /// <summary>The result, with the final parameter values read now.</summary>
    public TrialResult Finish(TrialStatus status, double wallSeconds, string? error = null)
    {
        double finalLoss = history.Count == 0 ? double.NaN : history[^1].Loss;
        var names = Objective.Parameters.Names
            .Select((name, i) => (name, Objective.Parameters[i].numel()))
            .ToArray();
        var values = ParameterValues.Read(Objective.Parameters);
        return new TrialResult(
            status,
            finalLoss,
            values.Length <= ParameterValues.KeptMax ? values : [],
            names,
            history.ToArray(),
            Steps,
            Samples,
            epochSeconds.ToArray(),
            wallSeconds,
            error)
        {
            Dataset = Dataset?.Info,
            FinalParamsSha256 = ParameterValues.Sha256(values),
            Evaluations = evaluations.ToArray(),
            EvaluationSeconds = EvaluationSeconds,
            TimeToTarget = TimeToTarget,
            StoppedAtTarget = StoppedAtTarget,
        };
    }
}
