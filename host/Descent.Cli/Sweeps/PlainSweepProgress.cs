using System.Globalization;
using Descent.Engine.Trials;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Running;

namespace Descent.Cli.Sweeps;

/// <summary>Progress as plain lines on the error stream, one per finished trial: for logs, pipes and CI.</summary>
internal sealed class PlainSweepProgress(TextWriter writer) : ISweepProgress
{
    private readonly SweepCounter counter = new();
    private readonly object gate = new();

    public void OnPlanned(int toRun, int skipped)
    {
        counter.Plan(toRun, skipped);
        Write($"sweep: {toRun} trials to run{(skipped > 0 ? $", {skipped} already finished (skipped)" : "")}");
    }

    public void OnTrialStarted(SweepTrial trial) => counter.Started();

    public void OnTrialCompleted(SweepTrial trial, TrialResult result)
    {
        counter.Completed(result);
        string loss = double.IsFinite(result.FinalLoss) ? $", loss {result.FinalLoss.ToString("G6", CultureInfo.InvariantCulture)}" : "";
        string error = result.Error is null ? "" : $" ({result.Error})";
        string target = result.TimeToTarget is { } reached
            ? $", target reached at {reached.Samples} samples{(result.StoppedAtTarget ? " (stopped there)" : "")}"
            : "";
        Write($"[{counter.Done,4}/{counter.Total}] {trial.Name}: {result.Status.ToString().ToLowerInvariant()}{loss}{target}{error} " +
              $"({counter.Running} running, {counter.Failed} failed, ETA {counter.Eta})");
    }

    private void Write(string line)
    {
        lock (gate)
        {
            writer.WriteLine(line);
        }
    }
}
