using System.Text.Json;
using Descent.Engine.Trials;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Sweeps.Running;
using Descent.Sweeps.Sharding;
using Descent.Tests.Datasets;
using Descent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Tests.Sweeps;

/// <summary>Running sweeps: parallel equals sequential bitwise; resume skips what finished; dry runs list without running.</summary>
public sealed class SweepRunTests
{
    private const string Mixed = """
        name: mixed
        objective: { id: linear-regression }
        dataset: { id: airfoil }
        training: { epochs: 1, batch_size: 10 }
        seeds: 2
        optimizers:
          - id: sgd
            hyperparameters: { lr: [0.01, 0.05] }
          - id: torch-adam
            hyperparameters: { lr: 0.01 }
        """;

    private const string Analytic = """
        name: analytic
        objectives: [{ id: rosenbrock }, { id: quadratic2d, args: { noise_std: 1 } }]
        training: { steps: 200 }
        seeds: 2
        optimizers:
          - id: adam
            hyperparameters: { lr: [0.01, 0.05] }
          - id: torch-rmsprop
            hyperparameters: { lr: 0.01, centered: true }
        """;

    [TestCase(Mixed)]
    [TestCase(Analytic)]
    public async Task Parallel_runs_give_bitwise_the_histories_of_a_sequential_run(string text)
    {
        var data = SharedAirfoilFile.RequireLocations();
        var (catalog, services) = TestEngine.Build([Engine.Plugins.PluginSearchPath.Bundled], data);
        var plan = SweepExpander.Expand(ExperimentFileParser.Parse("sweep.yaml", text), catalog);
        var runner = new SweepRunner(services.GetRequiredService<TrialRunner>(), services, data);

        var sequential = await runner.RunAsync(plan, new SweepRunOptions(1, Shard.All), null, new NoProgress(), CancellationToken.None);
        var parallel = await runner.RunAsync(plan, new SweepRunOptions(3, Shard.All), null, new NoProgress(), CancellationToken.None);

        Assert.That(sequential.Outcomes, Has.Count.EqualTo(plan.Trials.Count));
        Assert.That(parallel.Outcomes.Select(o => o.Trial.Identity), Is.EqualTo(sequential.Outcomes.Select(o => o.Trial.Identity)));
        foreach (var (a, b) in sequential.Outcomes.Zip(parallel.Outcomes))
        {
            Assert.That(b.Result.Status, Is.EqualTo(TrialStatus.Finished), b.Trial.Name);
            Assert.That(Bits(b.Result), Is.EqualTo(Bits(a.Result)), b.Trial.Name);
            Assert.That(b.Result.FinalParams, Is.EqualTo(a.Result.FinalParams), b.Trial.Name);
        }
    }

    [Test]
    public void A_second_run_of_the_same_file_skips_every_finished_trial_and_a_changed_value_runs_only_its_trials()
    {
        using var store = new ScratchDirectory();
        string file = Path.Combine(store.Path, "demo.yaml");
        File.WriteAllText(file, """
            name: resume-demo
            objective: { id: quadratic2d, args: { a: 0.1 } }
            training: { steps: 20, dtype: float64 }
            seeds: 2
            optimizers:
              - id: sgd
                hyperparameters: { lr: [0.1, 0.4] }
              - id: momentum
                hyperparameters: { lr: 0.4, momentum: 0.5 }
            """);

        var first = Json(CliRun.Of("sweep", file, "--tracking-uri", store.File("mlruns"), "--json", "--parallel", "2"));
        var second = Json(CliRun.Of("sweep", file, "--tracking-uri", store.File("mlruns"), "--json"));
        File.WriteAllText(file, File.ReadAllText(file).Replace("lr: 0.4, momentum: 0.5", "lr: 0.3, momentum: 0.5"));
        var third = Json(CliRun.Of("sweep", file, "--tracking-uri", store.File("mlruns"), "--json"));

        Assert.That((first.GetProperty("ran").GetInt32(), first.GetProperty("skipped").GetInt32(), first.GetProperty("finished").GetInt32()), Is.EqualTo((6, 0, 6)));
        Assert.That((second.GetProperty("ran").GetInt32(), second.GetProperty("skipped").GetInt32()), Is.EqualTo((0, 6)));
        Assert.That(second.GetProperty("parent_run_id").GetString(), Is.EqualTo(first.GetProperty("parent_run_id").GetString()));
        Assert.That((third.GetProperty("ran").GetInt32(), third.GetProperty("skipped").GetInt32()), Is.EqualTo((2, 4)));
        var finished = SweepStore.FinishedPerIdentity(store.File("mlruns"), "resume-demo");
        Assert.That(finished, Has.Count.EqualTo(8));
        Assert.That(finished.Values, Has.All.EqualTo(1));
    }

    [Test]
    public void A_dry_run_lists_the_trials_and_what_would_be_skipped_without_running()
    {
        using var store = new ScratchDirectory();
        string file = Path.Combine(store.Path, "dry.yaml");
        File.WriteAllText(file, "name: dry\nobjective: { id: rosenbrock }\ntraining: { steps: 5 }\nseeds: 3\noptimizers:\n  - id: adam\n    hyperparameters: { lr: [0.01, 0.1] }\n");
        CliRun.Of("sweep", file, "--tracking-uri", store.File("mlruns"), "--shard", "0/2");

        var dry = Json(CliRun.Of("sweep", file, "--tracking-uri", store.File("mlruns"), "--dry-run", "--json"));

        Assert.That(dry.GetProperty("total").GetInt32(), Is.EqualTo(6));
        Assert.That(dry.GetProperty("ran").GetInt32(), Is.EqualTo(0));
        Assert.That(dry.GetProperty("skipped").GetInt32(), Is.EqualTo(3), "shard 0/2 ran trials 0, 2 and 4");
        Assert.That(dry.GetProperty("would_run").GetInt32(), Is.EqualTo(3));
        var trials = dry.GetProperty("trials").EnumerateArray().ToArray();
        Assert.That(trials.Select(t => t.GetProperty("skip").GetBoolean()), Is.EqualTo(new[] { true, false, true, false, true, false }));
        Assert.That(trials.Select(t => t.GetProperty("identity").GetString()), Has.All.Length.EqualTo(64));
        Assert.That(SweepStore.Trials(store.File("mlruns"), "dry"), Has.Count.EqualTo(3), "the dry run ran nothing");
    }

    [TestCase(1)]
    [TestCase(0)]
    public void A_trial_whose_plugin_raised_an_exception_is_not_retried_and_its_failed_run_says_so(int retries)
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin("Descent.TestPlugins.Flaky");
        using var store = new ScratchDirectory();
        string file = store.File("flaky.yaml");
        File.WriteAllText(file, "name: flaky\nobjective: { id: quadratic2d }\ntraining: { steps: 5 }\nseeds: 4\noptimizers:\n  - id: flaky-sgd\n");

        var run = CliRun.Of("sweep", file, "--plugins", folders.Root, "--tracking-uri", store.File("mlruns"), "--parallel", "1", "--retries", $"{retries}", "--json");

        // One worker makes the four trials' optimizers in turn: the first and the third fail, whatever --retries says.
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        var summary = JsonDocument.Parse(run.Out).RootElement;
        Assert.That((summary.GetProperty("finished").GetInt32(), summary.GetProperty("failed").GetInt32()), Is.EqualTo((2, 2)));
        var runs = SweepStore.Trials(store.File("mlruns"), "flaky");
        var failed = runs.Where(r => r.Info.Status == Descent.Tracking.Model.RunStatus.Failed).ToArray();
        Assert.That(failed, Has.Length.EqualTo(2), "one run per failed trial: an exception is not retried");
        Assert.That(failed.Select(r => r.Tag(Descent.Runs.RunKeys.Tags.Retry)), Has.All.EqualTo(retries > 0 ? SweepRunner.NotRetried : null));
        Assert.That(run.Error, retries > 0 ? Does.Contain(SweepRunner.NotRetried) : Does.Not.Contain(SweepRunner.NotRetried));
        Assert.That(runs.Count(r => r.Info.Status == Descent.Tracking.Model.RunStatus.Finished), Is.EqualTo(2));
    }

    private static long[] Bits(TrialResult result) => result.History.Select(p => BitConverter.DoubleToInt64Bits(p.Loss)).ToArray();

    private static JsonElement Json(CliRun run)
    {
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    private sealed class NoProgress : ISweepProgress
    {
        public void OnPlanned(int toRun, int skipped)
        {
        }

        public void OnTrialStarted(SweepTrial trial)
        {
        }

        public void OnTrialCompleted(SweepTrial trial, TrialResult result)
        {
        }
    }
}
