using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;
using Descent.Tracking.Model;

namespace Descent.Tests.Sweeps;

/// <summary>
/// Sweeps across real processes: a sweep killed with SIGKILL completes every trial exactly once when run
/// again; shards started from Slurm or Kubernetes variables together run exactly the unsharded sweep.
/// </summary>
public sealed class SweepProcessTests
{
    private const string Sweep = """
        name: NAME
        objective: { id: rosenbrock }
        training: { steps: STEPS }
        seeds: 4
        optimizers:
          - id: adam
            hyperparameters: { lr: [0.001, 0.01] }
          - id: torch-adamw
            hyperparameters: { lr: [0.001, 0.01] }
        """;

    [Test]
    public async Task After_a_hard_kill_a_second_run_completes_every_trial_exactly_once()
    {
        using var scratch = new ScratchDirectory();
        string file = Write(scratch, "killed", steps: 3000);
        string store = scratch.File("mlruns");
        var plan = Plan(file);

        using (var first = DescentProcess.Start("sweep", file, "--tracking-uri", store, "--parallel", "2"))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (FinishedCount(store, "killed") < 3 && DateTime.UtcNow < deadline && !first.HasExited)
            {
                await Task.Delay(50);
            }

            Assert.That(first.HasExited, Is.False, "the sweep ended before it could be killed; make the trials longer");
            first.Kill();
            await first.WaitForExitAsync();
        }

        var afterKill = SweepStore.Trials(store, "killed");
        int finishedBefore = afterKill.Count(r => r.Info.Status == RunStatus.Finished);
        Assert.That(finishedBefore, Is.InRange(3, plan.Trials.Count - 1), "killed mid-sweep");
        Assert.That(afterKill.Count(r => r.Info.Status == RunStatus.Running), Is.GreaterThan(0), "the kill left runs RUNNING");

        var (exitCode, _, error) = await DescentProcess.FinishAsync(DescentProcess.Start("sweep", file, "--tracking-uri", store, "--parallel", "2"), TimeSpan.FromMinutes(5));

        Assert.That(exitCode, Is.EqualTo(0), error);
        var finished = SweepStore.FinishedPerIdentity(store, "killed");
        Assert.That(finished.Keys, Is.EquivalentTo(plan.Trials.Select(t => t.Identity)));
        Assert.That(finished.Values, Has.All.EqualTo(1));
        var trials = SweepStore.Trials(store, "killed");
        Assert.That(trials.Count(r => r.Info.Status == RunStatus.Running), Is.Zero);
        Assert.That(trials.Where(r => r.Info.Status == RunStatus.Killed), Has.All.Matches<Run>(r => r.Tag("descent.stale") == "true"));
        var parents = SweepStore.Runs(store, "killed").Where(r => r.Tag("descent.run_kind") == "sweep").ToArray();
        Assert.That(parents, Has.Length.EqualTo(1));
        Assert.That(parents[0].Info.Status, Is.EqualTo(RunStatus.Finished));
    }

    [Test]
    public async Task Ctrl_c_ends_the_running_trials_and_the_sweep_as_killed_and_starts_no_more()
    {
        using var scratch = new ScratchDirectory();
        string file = Write(scratch, "interrupted", steps: 4000);
        string store = scratch.File("mlruns");

        using var sweep = DescentProcess.Start("sweep", file, "--tracking-uri", store, "--parallel", "2");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (FinishedCount(store, "interrupted") < 2 && DateTime.UtcNow < deadline && !sweep.HasExited)
        {
            await Task.Delay(50);
        }

        Assert.That(sweep.HasExited, Is.False, "the sweep ended before it could be interrupted; make the trials longer");
        using (var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", sweep.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        var (exitCode, _, error) = await DescentProcess.FinishAsync(sweep, TimeSpan.FromMinutes(2));

        Assert.That(exitCode, Is.EqualTo(130), error);
        var trials = SweepStore.Trials(store, "interrupted");
        Assert.That(trials.Count(r => r.Info.Status == RunStatus.Running), Is.Zero, "no run is left RUNNING");
        Assert.That(trials.Count(r => r.Info.Status == RunStatus.Killed), Is.InRange(1, 2), "the trials running at Ctrl-C end KILLED");
        Assert.That(trials.Count, Is.LessThan(Plan(file).Trials.Count), "no trial starts after Ctrl-C");
        var parent = SweepStore.Runs(store, "interrupted").Single(r => r.Tag("descent.run_kind") == "sweep");
        Assert.That(parent.Info.Status, Is.EqualTo(RunStatus.Killed));
    }

    [TestCase("slurm")]
    [TestCase("kubernetes")]
    public async Task Shards_in_separate_processes_together_run_exactly_the_unsharded_sweep(string engine)
    {
        using var scratch = new ScratchDirectory();
        string name = $"sharded-{engine}";
        string file = Write(scratch, name, steps: 300);
        string store = scratch.File("mlruns");
        const int Shards = 3;

        var processes = Enumerable.Range(0, Shards).Select(k => DescentProcess.Start(
            engine == "slurm"
                ? new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = $"{k}", ["SLURM_ARRAY_TASK_COUNT"] = $"{Shards}" }
                : new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = $"{k}", ["DESCENT_SHARD_COUNT"] = $"{Shards}" },
            "sweep", file, "--tracking-uri", store, "--parallel", "1", "--json")).ToArray();
        var results = await Task.WhenAll(processes.Select(p => DescentProcess.FinishAsync(p, TimeSpan.FromMinutes(5))));

        foreach (var (exitCode, _, error) in results)
        {
            Assert.That(exitCode, Is.EqualTo(0), error);
        }

        Assert.That(results.Select(r => r.Out), Has.All.Contains($"\"shard\": \"shard").And.All.Contains(engine == "slurm" ? "Slurm job array" : "Kubernetes Indexed Job"));
        var plan = Plan(file);
        var finished = SweepStore.FinishedPerIdentity(store, name);
        Assert.That(finished.Keys, Is.EquivalentTo(plan.Trials.Select(t => t.Identity)));
        Assert.That(finished.Values, Has.All.EqualTo(1));
        var parents = SweepStore.Runs(store, name).Where(r => r.Tag("descent.run_kind") == "sweep" && r.Tag("descent.duplicate_of") is null).ToArray();
        Assert.That(parents, Has.Length.EqualTo(1), "one parent for all shards");
        Assert.That(SweepStore.Trials(store, name).Select(r => r.Tag("mlflow.parentRunId")).Distinct(), Is.EqualTo(new[] { parents[0].RunId }));
    }

    private static string Write(ScratchDirectory scratch, string name, int steps)
    {
        string path = scratch.File($"{name}.yaml");
        File.WriteAllText(path, Sweep.Replace("NAME", name).Replace("STEPS", steps.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return path;
    }

    private static SweepPlan Plan(string file) => SweepExpander.Expand(ExperimentFileParser.Load(file), TestEngine.Catalog);

    private static int FinishedCount(string store, string experiment)
    {
        try
        {
            return SweepStore.Trials(store, experiment).Count(r => r.Info.Status == RunStatus.Finished);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
