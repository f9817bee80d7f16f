using System.Diagnostics;
using Descent.Contracts;
using Descent.Engine.Trials;
using TorchSharp;

namespace Descent.Cli.Bench.Workloads;

/// <summary>
/// Follows a benchmark trial of the evaluated loop: live tensors and working set when the plugins are created and
/// after each epoch (after a full garbage collection, so that the figures show what is held, not garbage not yet
/// collected; the epoch clock has stopped by then), and how long each split of the evaluations after the first
/// took (the first, before any step, is the cold one: it is left out).
/// </summary>
/// <param name="splitRows">Images in each evaluated split, by name.</param>
public sealed class WorkloadProbe(IReadOnlyDictionary<string, long> splitRows) : ITrialObserver
{
    private readonly Stopwatch sinceLastSplit = new();
    private readonly List<double> liveTensors = [];
    private readonly List<double> workingSetMb = [];

    /// <summary>Live tensors on the training thread: at the start, then after each epoch.</summary>
    public IReadOnlyList<double> LiveTensors => liveTensors;

    /// <summary>The process's working set (resident set) in MB: at the start, then after each epoch.</summary>
    public IReadOnlyList<double> WorkingSetMb => workingSetMb;

    /// <summary>Images evaluated in the timed (warm) evaluations: every one after the first.</summary>
    public long EvaluatedImages { get; private set; }

    /// <summary>Seconds the timed evaluations took.</summary>
    public double EvaluationSeconds { get; private set; }

    /// <inheritdoc />
    public void OnStarted(ResolvedTrial trial, TrialContext context, ParameterSet parameters) => Sample();

    /// <inheritdoc />
    public void OnEvaluated(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Split == SplitNames.Train)
        {
            // The averaged minibatch loss is recorded first, before any split is evaluated: the clock starts here.
            sinceLastSplit.Restart();
            return;
        }

        if (sinceLastSplit.IsRunning && splitRows.TryGetValue(evaluation.Split, out long rows))
        {
            EvaluationSeconds += sinceLastSplit.Elapsed.TotalSeconds;
            EvaluatedImages += rows;
            sinceLastSplit.Restart();
        }
    }

    /// <inheritdoc />
    public void OnRecorded(HistoryPoint point) => sinceLastSplit.Reset();

    /// <inheritdoc />
    public void OnEpochCompleted(int epoch, double seconds) => Sample();

    private void Sample()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        liveTensors.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        using var process = Process.GetCurrentProcess();
        workingSetMb.Add(process.WorkingSet64 / (1024.0 * 1024.0));
    }
}
