using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Files;
using Descent.Benchmarks.Reading;
using Descent.Benchmarks.Running;
using Descent.Tests.Support;
using Descent.Tests.Sweeps;
using Descent.Tests.Tracking.Support;
using Descent.Tracking.Model;

namespace Descent.Tests.Benchmarks;

/// <summary>
/// The protocol run: tuning trials, then each study's best configuration (by the validation metric) rerun with the
/// rerun seeds; runs nested parent / workload x optimizer / trial; shards and a killed run complete it exactly once.
/// </summary>
public sealed class BenchmarkRunTests
{
    [Test]
    public void A_benchmark_runs_its_tuning_trials_then_reruns_each_studys_best_configuration()
    {
        using var scratch = new ScratchDirectory();
        string file = Write(scratch, "nested", steps: 20);
        string store = scratch.File("mlruns");

        var run = CliRun.Of("benchmark", file, "--tracking-uri", store, "--parallel", "2", "--in-process", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var plan = Plan(file);
        var runs = SweepStore.Runs(store, "nested");
        var parent = runs.Single(r => r.Tag("descent.run_kind") == "sweep");
        var groups = runs.Where(r => r.Tag("descent.run_kind") == "group").ToArray();
        var trials = SweepStore.Trials(store, "nested");
        Assert.That(parent.Info.Status, Is.EqualTo(RunStatus.Finished));
        Assert.That(groups.Select(g => g.Info.RunName), Is.EquivalentTo(plan.Cells.Select(c => c.Name)));
        Assert.That(groups.Select(g => g.Tag("mlflow.parentRunId")), Has.All.EqualTo(parent.RunId));
        Assert.That(groups.Select(g => g.Info.Status), Has.All.EqualTo(RunStatus.Finished));
        foreach (var trial in trials)
        {
            var group = groups.Single(g => g.RunId == trial.Tag("mlflow.parentRunId"));
            Assert.That(trial.Tag("descent.group"), Is.EqualTo(group.Tag("descent.group")));
        }

        // 32 tuning trials, then 4 cells x 2 studies x 2 rerun seeds.
        Assert.That(trials.Count(t => t.Tag(BenchmarkTrial.PhaseTag) == "tune"), Is.EqualTo(32));
        Assert.That(trials.Count(t => t.Tag(BenchmarkTrial.PhaseTag) == "rerun"), Is.EqualTo(16));
        Assert.That(trials, Has.All.Matches<Run>(t => t.Info.Status == RunStatus.Finished));

        // Each rerun repeats its study's best tuning trial: the lowest loss it reached during training, read from the run's
        // recorded history (the loss is the selection metric here; a trial whose loss oscillates is judged by its best point, not its last).
        var files = new Descent.Tracking.FileStore.FileTrackingStore(store);
        var curves = RunCurves.ReadAsync(files, runs, plan.Tuning).GetAwaiter().GetResult();
        double LowestLoss(BenchmarkTrial t) => files.GetMetricHistoryAsync(trials.Single(r => r.Tag("descent.trial_hash") == t.Sweep.Identity).RunId, "loss")
            .GetAwaiter().GetResult().Select(m => m.Value).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.PositiveInfinity).Min();
        foreach (var study in StudySelection.Studies(plan))
        {
            var best = study.OrderBy(LowestLoss).First();
            Assert.That(StudySelection.Best(study, curves, out bool complete), Is.SameAs(best).Or.Matches<BenchmarkTrial>(b =>
                curves[b.Sweep.Identity].Best(b.Cell.Workload.Target) == curves[best.Sweep.Identity].Best(best.Cell.Workload.Target)));
            Assert.That(complete, Is.True);
            var rerunHashes = plan.Reruns(best).Select(r => r.Sweep.Identity);
            Assert.That(trials.Where(r => r.Tag(BenchmarkTrial.PhaseTag) == "rerun").Select(r => r.Tag("descent.trial_hash")), Is.SupersetOf(rerunHashes));
        }
    }

    [Test]
    public void Selection_uses_the_validation_metric_even_when_the_test_metric_disagrees()
    {
        var plan = Plan(BenchmarkFiles.Text(), inMemory: true);
        var study = StudySelection.Studies(plan).First();
        var target = new MetricTarget("valid/accuracy", Maximize: true, 0.9);
        var cell = study[0].Cell with { Workload = study[0].Cell.Workload with { Target = target, TestMetric = "test/accuracy" } };
        var trials = study.Select(t => t with { Cell = cell }).ToArray();
        // Trial 1 has the best validation accuracy; trial 2 the best test accuracy.
        double[] valid = [0.80, 0.91, 0.85, 0.70];
        double[] test = [0.79, 0.86, 0.95, 0.69];
        var curves = trials.Select((t, i) => new RunCurve(t.Sweep.Identity, true, [new MetricPoint(0, 0.1), new MetricPoint(100, valid[i])], [], test[i], 1.0))
            .ToDictionary(c => c.Identity);

        var best = StudySelection.Best(trials, curves, out bool complete);

        Assert.That(complete, Is.True);
        Assert.That(best!.Number, Is.EqualTo(trials[1].Number));
    }

    [Test]
    public void A_study_with_a_trial_not_yet_final_has_no_best_yet()
    {
        var plan = Plan(BenchmarkFiles.Text(), inMemory: true);
        var study = StudySelection.Studies(plan).First();
        var curves = study.Skip(1).Select(t => new RunCurve(t.Sweep.Identity, true, [new MetricPoint(0, 1.0)], [], null, 1.0)).ToDictionary(c => c.Identity);

        Assert.That(StudySelection.Best(study, curves, out bool complete), Is.Null);
        Assert.That(complete, Is.False);
    }

    [Test]
    public async Task Shards_in_separate_processes_together_run_exactly_the_unsharded_benchmark()
    {
        using var scratch = new ScratchDirectory();
        string file = Write(scratch, "sharded", steps: 200);
        string whole = scratch.File("whole");
        string sharded = scratch.File("sharded");

        var unsharded = await DescentProcess.FinishAsync(DescentProcess.Start("benchmark", file, "--tracking-uri", whole, "--parallel", "2"), TimeSpan.FromMinutes(5));
        var shards = await Task.WhenAll(Enumerable.Range(0, 3).Select(k => DescentProcess.FinishAsync(
            DescentProcess.Start(new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = $"{k}", ["SLURM_ARRAY_TASK_COUNT"] = "3" }, "benchmark", file, "--tracking-uri", sharded, "--parallel", "1"),
            TimeSpan.FromMinutes(5))));

        Assert.That(unsharded.ExitCode, Is.EqualTo(0), unsharded.Error);
        Assert.That(shards.Select(s => s.ExitCode), Has.All.EqualTo(0), string.Join("\n", shards.Select(s => s.Error)));
        var expected = SweepStore.FinishedPerIdentity(whole, "sharded");
        var actual = SweepStore.FinishedPerIdentity(sharded, "sharded");
        Assert.That(expected, Has.Count.EqualTo(32 + 16));
        Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
        Assert.That(actual.Values, Has.All.EqualTo(1));
        var parents = SweepStore.Runs(sharded, "sharded").Where(r => r.Tag("descent.run_kind") == "sweep" && r.Tag("descent.duplicate_of") is null).ToArray();
        Assert.That(parents, Has.Length.EqualTo(1));
        Assert.That(parents[0].Info.Status, Is.EqualTo(RunStatus.Finished));
        Assert.That(SweepStore.Runs(sharded, "sharded").Count(r => r.Tag("descent.run_kind") == "group"), Is.EqualTo(4), "one run per workload x optimizer across shards");
    }

    [Test]
    public async Task After_a_hard_kill_a_second_run_completes_every_trial_exactly_once()
    {
        using var scratch = new ScratchDirectory();
        string file = Write(scratch, "killed", steps: 1000);
        string store = scratch.File("mlruns");

        using (var first = DescentProcess.Start("benchmark", file, "--tracking-uri", store, "--parallel", "2"))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (Finished(store) < 3 && DateTime.UtcNow < deadline && !first.HasExited)
            {
                await Task.Delay(50);
            }

            Assert.That(first.HasExited, Is.False, "the benchmark ended before it could be killed; make the trials longer");
            first.Kill();
            await first.WaitForExitAsync();
        }

        var (exitCode, _, error) = await DescentProcess.FinishAsync(DescentProcess.Start("benchmark", file, "--tracking-uri", store, "--parallel", "2"), TimeSpan.FromMinutes(5));

        Assert.That(exitCode, Is.EqualTo(0), error);
        var finished = SweepStore.FinishedPerIdentity(store, "killed");
        Assert.That(finished, Has.Count.EqualTo(32 + 16));
        Assert.That(finished.Values, Has.All.EqualTo(1));
        Assert.That(SweepStore.Trials(store, "killed").Count(r => r.Info.Status == RunStatus.Running), Is.Zero);
        Assert.That(SweepStore.Runs(store, "killed").Single(r => r.Tag("descent.run_kind") == "sweep").Info.Status, Is.EqualTo(RunStatus.Finished));
    }

    private static int Finished(string store)
    {
        try
        {
            return SweepStore.Trials(store, "killed").Count(r => r.Info.Status == RunStatus.Finished);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Write(ScratchDirectory scratch, string name, int steps)
    {
        string path = scratch.File($"{name}.yaml");
        File.WriteAllText(path, BenchmarkFiles.Text(name, steps));
        return path;
    }

    private static BenchmarkPlan Plan(string fileOrText, bool inMemory = false) => BenchmarkExpander.Expand(
        inMemory ? BenchmarkFileParser.Parse("bench.yaml", fileOrText) : BenchmarkFileParser.Load(fileOrText), TestEngine.Catalog);
}
