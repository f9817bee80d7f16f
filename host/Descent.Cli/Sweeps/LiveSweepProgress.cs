using Descent.Engine.Trials;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Running;
using Spectre.Console;

namespace Descent.Cli.Sweeps;

/// <summary>Progress on a terminal: a live bar with done/total, running, failed and the time left.</summary>
internal sealed class LiveSweepProgress : ISweepProgress
{
    private readonly SweepCounter counter = new();
    private ProgressTask? task;

    /// <summary>Runs <paramref name="work"/> under a live progress display on <paramref name="console"/>.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<ISweepProgress, Task<T>> work)
    {
        var progress = new LiveSweepProgress();
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                progress.task = context.AddTask("sweep", autoStart: true, maxValue: 1);
                result = await work(progress).ConfigureAwait(false);
                progress.task.Value = progress.task.MaxValue;
            }).ConfigureAwait(false);
        return result;
    }

    public void OnPlanned(int toRun, int skipped)
    {
        counter.Plan(toRun, skipped);
        if (task is not null)
        {
            task.MaxValue = Math.Max(1, toRun);
            Describe();
        }
    }

    public void OnTrialStarted(SweepTrial trial)
    {
        counter.Started();
        Describe();
    }

    public void OnTrialCompleted(SweepTrial trial, TrialResult result)
    {
        counter.Completed(result);
        task?.Increment(1);
        Describe();
    }

    private void Describe()
    {
        if (task is not null)
        {
            task.Description = Markup.Escape(
                $"{counter.Done}/{counter.Total} done, {counter.Running} running, {counter.Failed} failed" +
                (counter.Skipped > 0 ? $", {counter.Skipped} skipped" : "") + $", ETA {counter.Eta}");
        }
    }
}
