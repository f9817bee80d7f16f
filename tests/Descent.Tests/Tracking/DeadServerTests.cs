using System.Diagnostics;
using System.Text.Json;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;

namespace Descent.Tests.Tracking;

/// <summary>
/// A tracking server that does not answer (a closed port) costs seconds and one warning, with MLflow's own retry
/// budget (minutes per request) left as it is: the first contact is short, the session remembers the outage, and
/// every run goes to the spool at once. The old behaviour took about 4 minutes per trial; the bounds here are loose.
/// </summary>
public sealed class DeadServerTests
{
    private const string Dead = "http://127.0.0.1:1";

    [Test]
    public async Task A_sweep_during_an_outage_runs_at_full_speed_with_one_warning_and_counts_the_runs_waiting_for_sync()
    {
        using var scratch = new ScratchDirectory();
        string file = scratch.File("outage.yaml");
        File.WriteAllText(file, "name: outage\nobjective: { id: quadratic2d }\ntraining: { steps: 5 }\nseeds: 6\noptimizers:\n  - id: sgd\n");

        var clock = Stopwatch.StartNew();
        var (exitCode, output, error) = await Run(scratch, "sweep", file, "--tracking-uri", Dead, "--parallel", "1", "--json", "--no-report");

        Assert.That(exitCode, Is.EqualTo(0), error);
        var summary = JsonDocument.Parse(output).RootElement;
        var warnings = Lines(error).Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(summary.GetProperty("finished").GetInt32(), Is.EqualTo(6));
            Assert.That(summary.GetProperty("complete").GetBoolean(), Is.False, "the runs are in the spool, not on the server");
            Assert.That(warnings, Has.Length.EqualTo(1), error);
            Assert.That(warnings[0], Does.StartWith($"warning: tracking server {Dead} is unreachable (").And.Contains($"recording to the spool {scratch.File("spool")}")
                .And.EndWith($"run 'descent sync --to {Dead} --from {scratch.File("spool")}' later"));
            Assert.That(Lines(error), Has.Exactly(1).EqualTo($"spool   7 runs wait in {scratch.File("spool")}: run 'descent sync --to {Dead} --from {scratch.File("spool")}' when the server answers"),
                "the parent and its six trials");
            Assert.That(Directory.GetDirectories(scratch.File("spool"), "metrics", SearchOption.AllDirectories), Has.Length.EqualTo(7));
        });
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "a whole retry cycle per trial took minutes each");
    }

    [Test]
    public async Task A_trial_starts_at_once_with_one_warning()
    {
        using var scratch = new ScratchDirectory();

        var clock = Stopwatch.StartNew();
        var (exitCode, _, error) = await Run(scratch, "trial", "--optimizer", "sgd", "--objective", "quadratic2d", "--steps", "10", "--tracking-uri", Dead);

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(Lines(error).Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)), Has.Exactly(1).StartsWith($"warning: tracking server {Dead} is unreachable ("), error);
        Assert.That(error, Does.Contain($"kept in the spool {scratch.File("spool")} until 'descent sync'"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "it sat silent for about 8 minutes");
    }

    [Test]
    public async Task Runs_against_a_dead_server_fails_within_seconds_with_a_clear_message()
    {
        using var scratch = new ScratchDirectory();

        var clock = Stopwatch.StartNew();
        var (exitCode, output, error) = await Run(scratch, "runs", "--tracking-uri", Dead);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(Lines(error), Has.Length.EqualTo(1));
        Assert.That(Lines(error)[0], Does.StartWith($"error: tracking server {Dead} does not answer (").And.EndWith("start it, or point --tracking-uri (or MLFLOW_TRACKING_URI) at one that runs"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }

    private static async Task<(int ExitCode, string Out, string Error)> Run(ScratchDirectory scratch, params string[] args)
    {
        using var process = DescentProcess.Start(new Dictionary<string, string> { ["DESCENT_TRACKING_SPOOL"] = scratch.File("spool") }, args);
        return await DescentProcess.FinishAsync(process, TimeSpan.FromMinutes(5));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
