using Descent.Reports.Reading;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Tests.Support;
using Descent.Tracking.Model;

namespace Descent.Tests.Reports;

/// <summary>Which runs a report reads: by the sweep's file, or by experiment; reruns, other sweeps and missing trials.</summary>
public sealed class SweepRunsReaderTests
{
    private const string File = """
        name: reader-test
        description: Two learning rates, two seeds.
        objective: { id: quadratic2d, args: { a: 0.1, b: 2, start: [-5, -2] } }
        training: { steps: 5, dtype: float64 }
        seeds: 2
        optimizers:
          - id: sgd
            hyperparameters: { lr: [0.1, 0.2] }
        """;

    private static SweepPlan Plan(string text = File) => SweepExpander.Expand(ExperimentFileParser.Parse("reader-test.yaml", text), TestEngine.Catalog);

    [Test]
    public async Task By_file_a_trial_counts_once_by_its_finished_run_and_trials_without_one_are_named()
    {
        using var store = new SyntheticStore();
        string experiment = await store.ExperimentAsync("reader-test");
        var plan = Plan();
        await store.AddParentAsync(experiment, plan.Identity, "reader-test", plan.Trials.Count, RunStatus.Running, 1);
        var t = plan.Trials;
        // Trial 0 was killed, then ran again to the end; trial 1 finished; trial 2 failed; trial 3 never ran.
        await store.AddTrialAsync(experiment, Child(plan, 0, "killed", RunStatus.Killed, start: 10));
        string rerun = await store.AddTrialAsync(experiment, Child(plan, 0, "finished", RunStatus.Finished, start: 20));
        await store.AddTrialAsync(experiment, Child(plan, 1, "finished", RunStatus.Finished, start: 30));
        await store.AddTrialAsync(experiment, Child(plan, 2, "failed", RunStatus.Failed, start: 40));
        // Another sweep's run in the same experiment is not part of this report.
        await store.AddTrialAsync(experiment, new SyntheticTrial { Sweep = "other-sweep", TrialIndex = 0, TrialHash = t[0].Identity, StartTime = 50 });

        var runs = await SweepRunsReader.ReadAsync(store.Store, ReportSource.ForPlan(plan.Outline));

        Assert.Multiple(() =>
        {
            Assert.That(runs.SweepId, Is.EqualTo(plan.Identity));
            Assert.That(runs.SweepName, Is.EqualTo("reader-test"));
            Assert.That(runs.Description, Is.EqualTo("Two learning rates, two seeds."));
            Assert.That(runs.PlannedTrials, Is.EqualTo(4));
            Assert.That(runs.Runs.Select(r => (r.TrialIndex, r.Outcome)), Is.EqualTo(new (int?, TrialOutcome)[]
            {
                (0, TrialOutcome.Finished), (1, TrialOutcome.Finished), (2, TrialOutcome.Failed),
            }));
            Assert.That(runs.Runs[0].RunId, Is.EqualTo(rerun));
            Assert.That(runs.FinishedTrials, Is.EqualTo(2));
            Assert.That(runs.Complete, Is.False);
            Assert.That(runs.Missing, Is.EqualTo(new[] { t[2].Name, t[3].Name }));
            Assert.That(runs.Runs[0].Loss.X, Is.EqualTo(new[] { 0, 100 / 1500.0, 200 / 1500.0 }), "data trials are drawn against the epoch");
        });
    }

    [Test]
    public async Task By_file_a_sweep_without_a_finished_run_is_an_error_that_counts_its_trials()
    {
        using var store = new SyntheticStore();
        string experiment = await store.ExperimentAsync("reader-test");
        var plan = Plan();
        await store.AddTrialAsync(experiment, Child(plan, 0, "running", RunStatus.Running, start: 10));

        var error = Assert.ThrowsAsync<ReportException>(() => SweepRunsReader.ReadAsync(store.Store, ReportSource.ForPlan(plan.Outline)));

        Assert.That(error!.Message, Does.Contain("experiment 'reader-test'").And.Contain("0 of 4 trials have finished runs, 1 running")
            .And.Contain("may still be running").And.Contain("--experiment"));
    }

    [Test]
    public async Task By_file_a_sweep_of_the_same_name_with_another_identity_is_pointed_out()
    {
        using var store = new SyntheticStore();
        string experiment = await store.ExperimentAsync("reader-test");
        // The same file run before the plugins were rebuilt: its trials had other identities.
        await store.AddParentAsync(experiment, "0123456789abcdef", "reader-test", 4, RunStatus.Finished, 1);
        await store.AddTrialAsync(experiment, new SyntheticTrial { Sweep = "0123456789abcdef", TrialIndex = 0, TrialHash = "old", StartTime = 2 });

        var error = Assert.ThrowsAsync<ReportException>(() => SweepRunsReader.ReadAsync(store.Store, ReportSource.ForPlan(Plan().Outline)));

        Assert.That(error!.Message, Does.Contain("0 of 4 trials have finished runs")
            .And.Contain("holds 1 other sweep named 'reader-test' (newest 0123456789ab, finished)")
            .And.Contain("report it with: descent report --experiment reader-test"));
    }

    [Test]
    public async Task An_unknown_experiment_is_an_error_that_names_it_and_the_store()
    {
        using var store = new SyntheticStore();

        var error = Assert.ThrowsAsync<ReportException>(() => SweepRunsReader.ReadAsync(store.Store, ReportSource.ForExperiment("nope")));

        Assert.That(error!.Message, Does.StartWith("no experiment 'nope' at ").And.Contain(store.Root).And.Contain("--tracking-uri"));
    }

    [Test]
    public async Task By_experiment_the_newest_complete_sweep_is_reported()
    {
        using var store = new SyntheticStore();
        string experiment = await store.ExperimentAsync("many-sweeps");
        await store.AddParentAsync(experiment, "old", "old-sweep", 1, RunStatus.Finished, startTime: 100);
        await store.AddTrialAsync(experiment, new SyntheticTrial { Sweep = "old", TrialIndex = 0, TrialHash = "h-old", StartTime = 110 });
        string newest = await store.AddParentAsync(experiment, "new", "new-sweep", 2, RunStatus.Finished, startTime: 200);
        await store.AddTrialAsync(experiment, new SyntheticTrial { Sweep = "new", TrialIndex = 1, TrialHash = "h-new-1", StartTime = 210, Seed = 1 });
        await store.AddTrialAsync(experiment, new SyntheticTrial { Sweep = "new", TrialIndex = 0, TrialHash = "h-new-0", StartTime = 220 });
        // A later sweep still running is not complete: not the one reported.
        await store.AddParentAsync(experiment, "running", "running-sweep", 5, RunStatus.Running, startTime: 300);
        await store.AddTrialAsync(experiment, new SyntheticTrial { Sweep = "running", TrialIndex = 0, TrialHash = "h-run", StartTime = 310 });

        var runs = await SweepRunsReader.ReadAsync(store.Store, ReportSource.ForExperiment("many-sweeps"));

        Assert.That((runs.SweepId, runs.SweepName, runs.ParentRunId, runs.PlannedTrials, runs.Complete), Is.EqualTo(("new", "new-sweep", newest, (int?)2, true)));
        Assert.That(runs.Runs.Select(r => r.TrialIndex), Is.EqualTo(new int?[] { 0, 1 }), "in sweep order");
    }

    [Test]
    public async Task By_experiment_without_a_complete_sweep_every_trial_run_is_reported()
    {
        using var store = new SyntheticStore();
        string experiment = await store.ExperimentAsync("loose-trials");
        await store.AddTrialAsync(experiment, new SyntheticTrial { StartTime = 1, Configuration = "sgd lr=0.1" });
        await store.AddTrialAsync(experiment, new SyntheticTrial { StartTime = 2, Configuration = "adam lr=0.01", Optimizer = "adam", LearningRate = "0.01" });

        var runs = await SweepRunsReader.ReadAsync(store.Store, ReportSource.ForExperiment("loose-trials"));

        Assert.That((runs.SweepId, runs.PlannedTrials), Is.EqualTo(((string?)null, (int?)null)));
        Assert.That(runs.Runs.Select(r => r.Configuration), Is.EqualTo(new[] { "sgd lr=0.1", "adam lr=0.01" }));
    }

    [Test]
    public async Task An_experiment_with_no_trial_runs_is_an_error()
    {
        using var store = new SyntheticStore();
        await store.ExperimentAsync("empty");

        var error = Assert.ThrowsAsync<ReportException>(() => SweepRunsReader.ReadAsync(store.Store, ReportSource.ForExperiment("empty")));

        Assert.That(error!.Message, Does.Contain("experiment 'empty'").And.Contain("holds no trial runs"));
    }

    private static SyntheticTrial Child(SweepPlan plan, int index, string outcome, RunStatus status, long start)
    {
        var trial = plan.Trials[index];
        return new SyntheticTrial
        {
            Configuration = trial.Configuration, Sweep = plan.Identity, TrialIndex = index, TrialHash = trial.Identity, Seed = trial.Trial.Seed,
            Outcome = outcome, Status = status, StartTime = start,
        };
    }
}
