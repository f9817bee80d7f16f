using System.Diagnostics;
using Descent.Contracts;
using Descent.Engine.Trials;

namespace Descent.Sweeps.Workers;

/// <summary>
/// A trial running in a worker, as the coordinator follows it: each event is passed to the observer as the
/// call it stands for, and the points are kept, so that a trial whose worker is lost still ends with what
/// it recorded.
/// </summary>
internal sealed class ReplayedRun(ResolvedTrial trial, ITrialObserver? observer, DataLocations data)
{
    private readonly List<HistoryPoint> history = [];
    private readonly List<double> epochSeconds = [];
    private readonly List<Evaluation> evaluations = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private (string Name, long Elements)[] names = [];

    /// <summary>Passes <paramref name="message"/> on; returns the result when it is the trial's end.</summary>
    public TrialResult? Apply(WorkerEvent message)
    {
        switch (message.Type)
        {
            case WorkerMessages.Started:
                names = TrialResultWire.ReadNames(message.Body, "names");
                if (observer is not null)
                {
                    using var parameters = new ReplayedParameters(names);
                    observer.OnStarted(trial, trial.CreateContext(data), parameters.Set);
                }

                return null;
            case WorkerMessages.Point:
                var point = WorkerMessages.ReadPoint(message.Body);
                history.Add(point);
                observer?.OnRecorded(point);
                return null;
            case WorkerMessages.Epoch:
                double seconds = WireDoubles.Read(message.Body, "seconds");
                epochSeconds.Add(seconds);
                observer?.OnEpochCompleted(message.Body.GetProperty("epoch").GetInt32(), seconds);
                return null;
            case WorkerMessages.Evaluation:
                var evaluation = WorkerMessages.ReadEvaluation(message.Body);
                evaluations.Add(evaluation);
                observer?.OnEvaluated(evaluation);
                return null;
            case WorkerMessages.Completed:
                var result = TrialResultWire.Read(message.Body.GetProperty("result"), history) with { Evaluations = evaluations.ToArray() };
                observer?.OnCompleted(result);
                return result;
            default:
                return null;
        }
    }

    /// <summary>Ends the trial without the worker's result (lost worker, time limit, cancellation): what was recorded so far.</summary>
    public TrialResult End(TrialStatus status, string? error)
    {
        var last = history.Count == 0 ? null : history[^1];
        var result = new TrialResult(
            status,
            last?.Loss ?? double.NaN,
            last?.Params ?? [],
            names,
            history.ToArray(),
            last?.Step ?? 0,
            last?.Samples ?? 0,
            epochSeconds.ToArray(),
            clock.Elapsed.TotalSeconds,
            error)
        {
            Evaluations = evaluations.ToArray(),
            TimeToTarget = Engine.Targets.TargetCrossing.First(trial.Target, evaluations),
        };
        observer?.OnCompleted(result);
        return result;
    }
}
