using System.Diagnostics;
using Descent.Contracts;
using Descent.Engine.Trials;

namespace Descent.Sweeps.Workers;

/// <summary>Inside a worker: sends each call of <see cref="ITrialObserver"/> to the coordinator as a protocol line, at once.</summary>
internal sealed class ProtocolObserver(Action<byte[]> send, Stopwatch served) : ITrialObserver
{
    /// <inheritdoc />
    public void OnStarted(ResolvedTrial trial, TrialContext context, ParameterSet parameters)
    {
        var names = parameters.Names.Select((name, i) => (name, parameters[i].numel())).ToArray();
        send(WorkerMessages.Line(WorkerMessages.Started, json => TrialResultWire.WriteNames(json, "names", names)));
    }

    /// <inheritdoc />
    public void OnRecorded(HistoryPoint point) => send(WorkerMessages.Line(WorkerMessages.Point, json => WorkerMessages.WritePoint(json, point)));

    /// <inheritdoc />
    public void OnEvaluated(Evaluation evaluation) =>
        send(WorkerMessages.Line(WorkerMessages.Evaluation, json => WorkerMessages.WriteEvaluation(json, evaluation)));

    /// <inheritdoc />
    public void OnEpochCompleted(int epoch, double seconds) => send(WorkerMessages.Line(WorkerMessages.Epoch, json =>
    {
        json.WriteNumber("epoch", epoch);
        WireDoubles.Write(json, "seconds", seconds);
    }));

    /// <inheritdoc />
    public void OnCompleted(TrialResult result) => Complete(result, setupMessage: null);

    /// <summary>Sends the end of the trial; <paramref name="setupMessage"/>: the trial's input could not be used (<see cref="TrialSetupException"/>).</summary>
    public void Complete(TrialResult result, string? setupMessage) => send(WorkerMessages.Line(WorkerMessages.Completed, json =>
    {
        TrialResultWire.Write(json, "result", result);
        json.WriteNumber("served_seconds", served.Elapsed.TotalSeconds);
        if (setupMessage is not null)
        {
            json.WriteString("setup_error", setupMessage);
        }
    }));
}
