using Descent.Runs;
using Descent.Tests.Datasets;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;
using Descent.Tracking.Model;

namespace Descent.Tests.Sweeps;

/// <summary>
/// The script <c>descent slurm</c> prints runs as generated on a real (single-node) Slurm cluster: submitted
/// from another directory with an empty environment (<c>sbatch --export=NONE</c>), its array tasks run every
/// trial exactly once, leave one FINISHED parent and the report where <c>--report-dir</c> said; resubmitting
/// one index reruns exactly that shard, which finds nothing left to do. A cancelled array task leaves the
/// parent KILLED and incomplete once nothing runs, and resubmitting its index completes the sweep exactly once.
/// </summary>
[NonParallelizable]
public sealed class SlurmClusterTests
{
    private const string Sweep = """
        name: slurm-e2e
        objective: { id: quadratic2d }
        training: { steps: 5, dtype: float64 }
        optimizers:
          - id: sgd
            hyperparameters: { lr: [0.05, 0.1, 0.2, 0.3] }
        """;

    /// <summary>Trials per shard of <see cref="LongSweep"/>.</summary>
    private const int LongSweepShardTrials = 5;

    /// <summary>
    /// Ten trials of a second or two each (2 shards of 5): long enough to cancel a shard mid-way. Linear regression
    /// on the airfoil data with torch-sgd, whose steps hold their scalars (see the README's known limitations).
    /// </summary>
    private const string LongSweep = """
        name: slurm-cancel
        objective: { id: linear-regression }
        dataset: { id: airfoil }
        training: { epochs: 25, batch_size: 1, record_every: 100 }
        seeds: 2
        optimizers:
          - id: torch-sgd
            hyperparameters: { lr: [0.001, 0.002, 0.003, 0.004, 0.005] }
        """;

    [Test]
    public void A_generated_job_array_runs_every_trial_once_and_a_resubmitted_index_adds_nothing()
    {
        using var cluster = SlurmCluster.StartOrIgnore();
        var scratch = cluster.Scratch;
        string file = scratch.File("slurm-e2e.yaml");
        File.WriteAllText(file, Sweep);
        string store = Path.Combine(scratch.Path, "shared", "mlruns");
        string report = Path.Combine(scratch.Path, "shared", "report");
        string checkout = Checkout(scratch);
        string submit = Directory.CreateDirectory(scratch.File("submit")).FullName;

        var generated = CliRun.Of(
            "slurm", file, "--shards", "2", "--workdir", checkout, "--tracking-uri", store, "--experiment", "slurm-e2e", "--report-dir", report,
            "--parallel", "1", "--retries", "0", "--offline", "--time", "00:05:00", "--partition", "debug", "--mem", "512M", "--sbatch-arg=--comment=descent-test");
        Assert.That(generated.ExitCode, Is.EqualTo(0), generated.Error);
        File.WriteAllText(Path.Combine(submit, "job.sbatch"), generated.Out);

        string first = Submit(cluster, submit);
        cluster.WaitFor(first, TimeSpan.FromSeconds(90));

        var trials = SweepStore.Trials(store, "slurm-e2e");
        Assert.That(trials, Has.Count.EqualTo(4), Logs(cluster, submit));
        Assert.That(SweepStore.FinishedPerIdentity(store, "slurm-e2e").Values, Is.EqualTo(new[] { 1, 1, 1, 1 }), Logs(cluster, submit));
        Assert.That(trials.Select(t => t.Tag(RunKeys.Tags.TrialIndex)), Is.EquivalentTo(new[] { "0", "1", "2", "3" }));
        var parents = SweepStore.Runs(store, "slurm-e2e").Where(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.SweepKind).ToArray();
        Assert.That(parents.Select(p => p.Info.Status), Is.EqualTo(new[] { RunStatus.Finished }), Logs(cluster, submit));
        Assert.That(File.Exists(Path.Combine(report, "index.html")), Logs(cluster, submit));
        Assert.That(Directory.EnumerateFiles(submit, "descent-slurm-e2e-*.out").Count(), Is.EqualTo(2), "each task logs in the submit directory");

        var runsBefore = SweepStore.Runs(store, "slurm-e2e").Select(r => r.RunId).ToArray();

        // Resubmit index 1 alone: exactly shard 1/2 runs again and finds every trial of it finished.
        string again = Submit(cluster, submit, "--array=1");
        cluster.WaitFor(again, TimeSpan.FromSeconds(60));

        Assert.That(SweepStore.Runs(store, "slurm-e2e").Select(r => r.RunId), Is.EquivalentTo(runsBefore), "the resubmitted index made runs");
        Assert.That(SweepStore.Runs(store, "slurm-e2e").Single(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.SweepKind).Info.Status, Is.EqualTo(RunStatus.Finished));
        string rerunLog = File.ReadAllText(Path.Combine(submit, $"descent-slurm-e2e-{again}_1.out"));
        Assert.That(rerunLog, Does.Contain("shard 1/2 (--shard)"), rerunLog);
        Assert.That(rerunLog, Does.Contain("0 failed"), rerunLog);
    }

    [Test]
    public void A_cancelled_array_task_leaves_the_parent_killed_and_incomplete_until_its_resubmitted_index_completes_the_sweep()
    {
        using var cluster = SlurmCluster.StartOrIgnore();
        var scratch = cluster.Scratch;
        string file = scratch.File("slurm-cancel.yaml");
        File.WriteAllText(file, LongSweep);
        string store = Path.Combine(scratch.Path, "shared", "mlruns");
        string report = Path.Combine(scratch.Path, "shared", "report");
        string checkout = Checkout(scratch);
        string submit = Directory.CreateDirectory(scratch.File("submit")).FullName;
        var generated = CliRun.Of(
            "slurm", file, "--shards", "2", "--workdir", checkout, "--tracking-uri", store, "--experiment", "slurm-cancel", "--report-dir", report,
            "--data-dir", SharedAirfoilFile.RequireDirectory(), "--parallel", "1", "--offline", "--time", "00:05:00");
        Assert.That(generated.ExitCode, Is.EqualTo(0), generated.Error);
        File.WriteAllText(Path.Combine(submit, "job.sbatch"), generated.Out);

        // Both tasks run; once task 1 has finished a trial (its parent and heartbeat exist), cancel it as a user would.
        string job = Submit(cluster, submit);
        string cancelledLog = Path.Combine(submit, $"descent-slurm-cancel-{job}_1.out");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(File.Exists(cancelledLog) && File.ReadAllText(cancelledLog).Contains("[   1/", StringComparison.Ordinal)))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "array task 1 did not finish a trial within 60 s:\n" + Logs(cluster, submit));
            Thread.Sleep(100);
        }

        var (exitCode, _, error) = cluster.Command(submit, "scancel", $"{job}_1");
        Assert.That(exitCode, Is.EqualTo(0), error);
        cluster.WaitFor(job, TimeSpan.FromSeconds(90));

        // Nothing runs, shard 1's trials are left: the parent says so.
        var parent = Parent(store);
        Assert.That(parent.Info.Status, Is.EqualTo(RunStatus.Killed), Logs(cluster, submit));
        Assert.That(parent.Tag(RunKeys.Tags.Incomplete), Is.EqualTo("true"));
        var finished = SweepStore.FinishedPerIdentity(store, "slurm-cancel");
        Assert.That(finished.Values, Has.All.EqualTo(1));
        Assert.That(finished, Has.Count.InRange(LongSweepShardTrials + 1, 2 * LongSweepShardTrials - 1), "shard 0 finished its trials, shard 1 some of its own:\n" + Logs(cluster, submit));
        Assert.That(File.Exists(Path.Combine(report, "index.html")), Is.False, "a report of an incomplete sweep");

        // Resubmit the cancelled index alone: it runs what shard 1 left (a run left RUNNING is marked stale) and completes the sweep.
        string again = Submit(cluster, submit, "--array=1");
        cluster.WaitFor(again, TimeSpan.FromSeconds(90));

        Assert.That(SweepStore.FinishedPerIdentity(store, "slurm-cancel").Values, Is.EqualTo(Enumerable.Repeat(1, 2 * LongSweepShardTrials)), Logs(cluster, submit));
        Assert.That(SweepStore.Trials(store, "slurm-cancel").Where(t => t.Info.Status == RunStatus.Running), Is.Empty, "a trial run left RUNNING");
        parent = Parent(store);
        Assert.That(parent.Info.Status, Is.EqualTo(RunStatus.Finished), Logs(cluster, submit));
        Assert.That(parent.Tag(RunKeys.Tags.Incomplete), Is.EqualTo("false"));
        Assert.That(File.Exists(Path.Combine(report, "index.html")), Logs(cluster, submit));
    }

    /// <summary>A checkout's <c>./descent</c>: the host the tests built (the tasks' environment is empty, so the path to dotnet is absolute).</summary>
    private static string Checkout(ScratchDirectory scratch)
    {
        string checkout = Directory.CreateDirectory(scratch.File("checkout")).FullName;
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "/usr/bin/dotnet";
        File.WriteAllText(Path.Combine(checkout, "descent"), $"#!/bin/bash\nexec '{dotnet}' '{DescentProcess.HostAssembly}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(checkout, "descent"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return checkout;
    }

    private static Run Parent(string store) =>
        SweepStore.Runs(store, "slurm-cancel").Single(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.SweepKind && r.Tag(RunKeys.Tags.DuplicateOf) is null);

    /// <summary>Submits job.sbatch as a user would, from its directory with an empty environment; the job id.</summary>
    private static string Submit(SlurmCluster cluster, string directory, params string[] options)
    {
        var (exitCode, output, error) = cluster.Command(directory, "sbatch", ["--export=NONE", "--parsable", .. options, "job.sbatch"]);
        Assert.That(exitCode, Is.EqualTo(0), error + cluster.Logs());
        return output.Trim().Split(';')[0];
    }

    private static string Logs(SlurmCluster cluster, string submit) =>
        string.Join("\n", Directory.EnumerateFiles(submit, "*.out").Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}")) + "\n" + cluster.Logs();
}
