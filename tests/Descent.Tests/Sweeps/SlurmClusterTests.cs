using Descent.Runs;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;
using Descent.Tracking.Model;

namespace Descent.Tests.Sweeps;

/// <summary>
/// The script <c>descent slurm</c> prints runs as generated on a real (single-node) Slurm cluster: submitted
/// from another directory with an empty environment (<c>sbatch --export=NONE</c>), its array tasks run every
/// trial exactly once, leave one FINISHED parent and the report where <c>--report-dir</c> said; resubmitting
/// one index reruns exactly that shard, which finds nothing left to do.
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

    [Test]
    public void A_generated_job_array_runs_every_trial_once_and_a_resubmitted_index_adds_nothing()
    {
        using var cluster = SlurmCluster.StartOrIgnore();
        var scratch = cluster.Scratch;
        string file = scratch.File("slurm-e2e.yaml");
        File.WriteAllText(file, Sweep);
        string store = Path.Combine(scratch.Path, "shared", "mlruns");
        string report = Path.Combine(scratch.Path, "shared", "report");
        string checkout = Directory.CreateDirectory(scratch.File("checkout")).FullName;
        string submit = Directory.CreateDirectory(scratch.File("submit")).FullName;
        // The checkout's ./descent: the host the tests built (the tasks' environment is empty, so the path to dotnet is absolute).
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "/usr/bin/dotnet";
        File.WriteAllText(Path.Combine(checkout, "descent"), $"#!/bin/bash\nexec '{dotnet}' '{DescentProcess.HostAssembly}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(checkout, "descent"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

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
