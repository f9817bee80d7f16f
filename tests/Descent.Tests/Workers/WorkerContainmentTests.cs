using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Descent.Runs;
using Descent.Tests.Support;
using Descent.Tests.Sweeps;
using Descent.Tests.Tracking.Support;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;

namespace Descent.Tests.Workers;

/// <summary>
/// Real broken plugins in a sweep beside healthy optimizers: a segmentation fault in native code, a
/// FailFast, a stack overflow, a trial that never ends and one that takes 1 GiB of memory. Each costs its own trial (FAILED, with its cause,
/// its worker's standard error attached, retried once), never the sweep: the healthy trials end with the
/// numbers of a sweep without the broken plugin, the parent FINISHED, nothing RUNNING, exit code 1.
/// </summary>
[NonParallelizable]
public sealed class WorkerContainmentTests
{
    private const string Healthy = """
          - id: sgd
            hyperparameters: { lr: 0.1 }
          - id: momentum
            hyperparameters: { lr: 0.1, momentum: 0.5 }
        """;

    private ScratchDirectory scratch = null!;
    private Dictionary<string, (double FinalLoss, double[] Losses)> reference = null!;

    [OneTimeSetUp]
    public void RunTheHealthySweepAlone()
    {
        scratch = new ScratchDirectory();
        string file = Write("healthy", "");
        var run = CliRun.Of("sweep", file, "--tracking-uri", scratch.File("mlruns"), "--parallel", "2", "--in-process", "--json", "--no-report");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        reference = Numbers(scratch.File("mlruns"), "healthy");
        Assert.That(reference, Has.Count.EqualTo(2));
    }

    [OneTimeTearDown]
    public void Clean() => scratch.Dispose();

    [TestCase("Descent.TestPlugins.NativeFault", "native-fault-sgd", "killed by SIGSEGV (segmentation fault")]
    [TestCase("Descent.TestPlugins.FailFast", "failfast-sgd", "killed by SIGABRT (aborted: a native abort, Environment.FailFast or a stack overflow; exit code 134); stderr: Process terminated. | failfast-sgd gives up at step 3")]
    [TestCase("Descent.TestPlugins.StackOverflow", "stack-overflow-sgd", "killed by SIGABRT (aborted: a native abort, Environment.FailFast or a stack overflow; exit code 134); stderr: Stack overflow.")]
    [TestCase("Descent.TestPlugins.Hang", "hang-sgd", "timed out after 3 s (--trial-timeout); its worker was killed")]
    [TestCase("Descent.TestPlugins.MemoryHog", "memory-hog-sgd", "over --worker-memory 900 MiB; the worker was killed")]
    public void A_broken_plugin_costs_its_own_trials_and_the_healthy_ones_give_the_numbers_of_a_sweep_without_it(string project, string id, string cause)
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin(project);
        string name = id.Replace("-sgd", "", StringComparison.Ordinal);
        string file = Write(name, $"  - id: {id}\n");
        string store = scratch.File("mlruns");

        // The hang needs a time limit, one long enough for a healthy trial in a fresh worker on a busy machine; the hog a
        // memory limit, above a worker's own (about 200 MiB: the runtime, libtorch, the plugins) and below its 1 GiB.
        string[] limits = id switch
        {
            "hang-sgd" => ["--trial-timeout", "3s"],
            "memory-hog-sgd" => ["--worker-memory", "900M"],
            _ => [],
        };
        string report = scratch.File($"report-{name}");
        var run = CliRun.Of(["sweep", file, "--plugins", folders.Root, "--tracking-uri", store, "--report-dir", report, "--parallel", "2", "--retries", "1", "--json", .. limits]);

        Assert.That(run.ExitCode, Is.EqualTo(1), "a failed trial: exit code 1\n" + run.Error);
        var summary = JsonDocument.Parse(run.Out).RootElement;
        Assert.That((summary.GetProperty("finished").GetInt32(), summary.GetProperty("failed").GetInt32()), Is.EqualTo((2, 1)), run.Error);
        var runs = SweepStore.Runs(store, name);
        Assert.That(runs.Count(r => r.Info.Status == RunStatus.Running), Is.Zero, "nothing is left RUNNING");
        var parent = runs.Single(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.SweepKind);
        Assert.That(parent.Info.Status, Is.EqualTo(RunStatus.Finished), "every trial has a final status: the sweep finished");
        Assert.That(File.ReadAllText(Path.Combine(report, "report.md")), Does.Contain("1 of 3 trials failed; the numbers below cover the 2 finished runs."), "the report is written and counts the failure");

        var broken = SweepStore.Trials(store, name).Where(r => r.Params[RunKeys.Params.Optimizer] == id).ToArray();
        Assert.That(broken, Has.Length.EqualTo(2), "tried twice (a crash or a timeout is retried once)");
        Assert.That(broken.Select(r => r.Info.Status), Has.All.EqualTo(RunStatus.Failed));
        Assert.That(broken.Select(r => r.Tag(RunKeys.Tags.Error)), Has.All.Contains(cause));
        Assert.That(broken.Select(r => Artifacts(store, r)), Has.All.Contains(RunKeys.Artifacts.WorkerStderr), "the worker's standard error is attached");
        Assert.That(broken.Count(r => r.Tag(RunKeys.Tags.Retry)!.StartsWith("retried", StringComparison.Ordinal)), Is.EqualTo(1));

        var healthy = Numbers(store, name);
        Assert.That(healthy.Keys, Is.EquivalentTo(reference.Keys), "the healthy trials are the same trials");
        foreach (var (identity, numbers) in healthy)
        {
            Assert.That(BitConverter.DoubleToInt64Bits(numbers.FinalLoss), Is.EqualTo(BitConverter.DoubleToInt64Bits(reference[identity].FinalLoss)), identity);
            Assert.That(numbers.Losses, Is.EqualTo(reference[identity].Losses), identity);
        }
    }

    [Test]
    public void An_entry_s_own_timeout_fails_its_trial_with_the_line_that_set_it_and_the_others_finish_with_their_numbers()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin("Descent.TestPlugins.Hang");
        string file = Write("entry-timeout", "  - id: hang-sgd\n    timeout: 3s\n");
        string store = scratch.File("mlruns");

        // No --trial-timeout: the limit is the entry's own, and only its trial has one.
        var run = CliRun.Of("sweep", file, "--plugins", folders.Root, "--tracking-uri", store, "--no-report", "--parallel", "2", "--retries", "0", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1), "a failed trial: exit code 1\n" + run.Error);
        var summary = JsonDocument.Parse(run.Out).RootElement;
        Assert.That((summary.GetProperty("finished").GetInt32(), summary.GetProperty("failed").GetInt32()), Is.EqualTo((2, 1)), run.Error);
        var hung = SweepStore.Trials(store, "entry-timeout").Single(r => r.Params[RunKeys.Params.Optimizer] == "hang-sgd");
        Assert.That(hung.Info.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(hung.Tag(RunKeys.Tags.Error), Does.Contain("timed out after 3 s (timeout: 3s, entry-timeout.yaml line 11); its worker was killed"));
        var healthy = Numbers(store, "entry-timeout");
        Assert.That(healthy.Keys, Is.EquivalentTo(reference.Keys), "the healthy trials are the same trials, unlimited");
        foreach (var (identity, numbers) in healthy)
        {
            Assert.That(numbers.Losses, Is.EqualTo(reference[identity].Losses), identity);
        }
    }

    [Test]
    public void A_trial_whose_worker_faults_in_native_code_is_a_failed_result_with_its_cause_not_a_dead_command()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin("Descent.TestPlugins.NativeFault");

        var run = CliRun.Of("trial", "--optimizer", "native-fault-sgd", "--objective", "quadratic2d", "--steps", "10", "--plugins", folders.Root, "--no-track", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1), "a failed trial: exit code 1\n" + run.Error);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(report.GetProperty("error").GetString(), Does.Contain("killed by SIGSEGV (segmentation fault"));
        Assert.That(report.GetProperty("steps").GetInt64(), Is.EqualTo(2), "the points recorded before the fault are kept: step 2 was the last");
    }

    [Test]
    public async Task Ctrl_c_on_a_hung_sweep_exits_130_within_3_seconds_with_every_run_killed()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin("Descent.TestPlugins.Hang");
        string file = Write("hung", "  - id: hang-sgd\n", healthy: false, seeds: 2);
        string store = scratch.File("mlruns");

        using var sweep = DescentProcess.Start("sweep", file, "--plugins", folders.Root, "--tracking-uri", store, "--parallel", "2");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (SweepStore.Trials(store, "hung").Count(r => r.Info.Status == RunStatus.Running) < 2 && DateTime.UtcNow < deadline && !sweep.HasExited)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500); // both trials are inside their endless step
        Assert.That(sweep.HasExited, Is.False, "the hung sweep ended by itself");
        var clock = Stopwatch.StartNew();
        using (var interrupt = Process.Start("kill", ["-INT", sweep.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        var (exitCode, _, error) = await DescentProcess.FinishAsync(sweep, TimeSpan.FromSeconds(30));
        double seconds = clock.Elapsed.TotalSeconds;

        Assert.That(exitCode, Is.EqualTo(130), error);
        Assert.That(seconds, Is.LessThan(3), "Ctrl-C ends hung trials within 3 s");
        var runs = SweepStore.Runs(store, "hung");
        Assert.That(runs.Select(r => r.Info.Status), Has.All.EqualTo(RunStatus.Killed), "every run, the parent's included, ends KILLED");
        Assert.That(runs, Has.Count.EqualTo(3), "two trials and their parent");
    }

    private string Write(string name, string broken, bool healthy = true, int seeds = 1)
    {
        string file = scratch.File($"{name}.yaml");
        File.WriteAllText(file, $"name: {name}\nobjective: {{ id: quadratic2d, args: {{ a: 0.1 }} }}\ntraining: {{ steps: 20, dtype: float64 }}\nseeds: {seeds}\noptimizers:\n" +
            (healthy ? Healthy + "\n" : "") + broken);
        return file;
    }

    /// <summary>Per identity of a FINISHED trial: its final loss and its loss history.</summary>
    private static Dictionary<string, (double FinalLoss, double[] Losses)> Numbers(string storePath, string experiment)
    {
        using var store = new FileTrackingStore(storePath);
        return SweepStore.Trials(storePath, experiment).Where(r => r.Info.Status == RunStatus.Finished).ToDictionary(
            r => r.Tag(RunKeys.Tags.TrialHash)!,
            r => (r.LatestMetrics[RunKeys.Metrics.FinalLoss].Value,
                  store.GetMetricHistoryAsync(r.RunId, RunKeys.Metrics.Loss).GetAwaiter().GetResult().OrderBy(m => m.Step).Select(m => m.Value).ToArray()));
    }

    private static string[] Artifacts(string storePath, Run run)
    {
        using var store = new FileTrackingStore(storePath);
        return store.ListArtifactsAsync(run.Info).GetAwaiter().GetResult().Select(a => a.Path).ToArray();
    }
}
