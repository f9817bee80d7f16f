using System.Globalization;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Tests.Support;

namespace Descent.Tests.Sweeps;

/// <summary>
/// Schedule args swept as hyperparameters are: a list is a grid axis after the optimizer's, a distribution one more sampled
/// dimension; each trial gets fixed values, and a trial equals the one a file fixing the same values gives.
/// </summary>
public sealed class ScheduleSweepTests
{
    private const string Grid = """
        name: warmups
        objective: { id: quadratic2d }
        training: { steps: 30 }
        seeds: [0, 1]
        schedule: { id: warmup-cosine, args: { warmup_steps: [10, 20], total_steps: 30 } }
        optimizers:
          - id: sgd
            hyperparameters: { lr: [0.1, 0.2] }
          - id: momentum
            hyperparameters: { lr: 0.1, momentum: 0.5 }
            schedule: { args: { warmup_steps: 5 } }
        """;

    private const string Random = """
        name: warmups
        objective: { id: quadratic2d }
        training: { steps: 300 }
        search: { mode: random, samples: 200, seed: 3 }
        optimizers:
          - id: sgd
            hyperparameters: { lr: { loguniform: [0.001, 0.1] } }
            schedule: { id: warmup-cosine, args: { total_steps: 300, warmup_steps: { int_uniform: [10, 40] }, eta_min: { uniform: [0, 0.001] } } }
        """;

    [Test]
    public void A_list_of_warmups_doubles_the_trials_after_the_hyperparameters_axes()
    {
        var plan = Expand(Grid);

        Assert.That(plan.Configurations, Is.EqualTo(new[]
        {
            "sgd lr=0.1 schedule.warmup_steps=10", "sgd lr=0.1 schedule.warmup_steps=20",
            "sgd lr=0.2 schedule.warmup_steps=10", "sgd lr=0.2 schedule.warmup_steps=20",
            "momentum lr=0.1 momentum=0.5",
        }));
        Assert.That(plan.Trials, Has.Count.EqualTo(5 * 2));
        Assert.That(plan.Trials.Select(t => Args(t)), Is.EqualTo(new[]
        {
            "total_steps=30 warmup_steps=10", "total_steps=30 warmup_steps=10", "total_steps=30 warmup_steps=20", "total_steps=30 warmup_steps=20",
            "total_steps=30 warmup_steps=10", "total_steps=30 warmup_steps=10", "total_steps=30 warmup_steps=20", "total_steps=30 warmup_steps=20",
            "total_steps=30 warmup_steps=5", "total_steps=30 warmup_steps=5",
        }));
        Assert.That(plan.Trials.Select(t => t.Trial.Schedule!.Id), Has.All.EqualTo("warmup-cosine"));
    }

    [Test]
    public void A_swept_trial_is_the_trial_a_file_fixing_its_value_gives()
    {
        var swept = Expand(Grid).Trials.Where(t => t.Configuration == "sgd lr=0.1 schedule.warmup_steps=20").ToArray();
        var fixedFile = Expand(Grid.Replace("warmup_steps: [10, 20]", "warmup_steps: 20").Replace("lr: [0.1, 0.2]", "lr: 0.1"));
        var fixedTrials = fixedFile.Trials.Where(t => t.Trial.Optimizer.Id == "sgd").ToArray();

        Assert.That(swept.Select(t => t.Identity), Is.EqualTo(fixedTrials.Select(t => t.Identity)));
        Assert.That(fixedTrials.Select(t => t.Configuration), Has.All.EqualTo("sgd lr=0.1"), "fixed args stay out of the label, as before");
    }

    [Test]
    public void A_file_with_fixed_schedule_args_gives_the_trials_a_hand_written_spec_gives()
    {
        var plan = Expand(Grid.Replace("warmup_steps: [10, 20]", "warmup_steps: 20"));
        var spec = new TrialSpec
        {
            Optimizer = "sgd",
            Hyperparameters = new Dictionary<string, string> { ["lr"] = "0.2" },
            Objective = "quadratic2d",
            Schedule = "warmup-cosine",
            ScheduleArgs = new Dictionary<string, string> { ["warmup_steps"] = "20", ["total_steps"] = "30" },
            Training = new TrainingSettings(30, null, null, null, false),
            Seed = 1,
        };

        var trial = plan.Trials.Single(t => t.Configuration == "sgd lr=0.2" && t.Trial.Seed == 1);
        Assert.That(trial.Identity, Is.EqualTo(TrialIdentity.Hash(TrialResolver.Resolve(spec, TestEngine.Catalog))));
    }

    [Test]
    public void Random_search_samples_schedule_args_inside_their_ranges_after_the_hyperparameters()
    {
        var plan = Expand(Random);

        Assert.That(plan.Trials, Has.Count.EqualTo(200));
        int[] warmups = plan.Trials.Select(t => int.Parse(Arg(t, "warmup_steps"), CultureInfo.InvariantCulture)).ToArray();
        double[] etaMin = plan.Trials.Select(t => double.Parse(Arg(t, "eta_min"), CultureInfo.InvariantCulture)).ToArray();
        Assert.That(warmups, Has.All.InRange(10, 40));
        Assert.That((warmups.Min(), warmups.Max()), Is.EqualTo((10, 40)), "both bounds are drawn: int_uniform includes them (200 draws miss one with chance 2 (30/31)^200 = 0.003)");
        Assert.That(etaMin, Has.All.InRange(0.0, 0.001));
        Assert.That(plan.Trials.Select(t => Arg(t, "total_steps")), Has.All.EqualTo("300"));
        Assert.That(plan.Trials[0].Configuration, Does.Match(@"^sgd lr=\S+ schedule\.warmup_steps=\d+ schedule\.eta_min=\S+$"), "the schedule's declaration order: warmup_steps before eta_min");
    }

    [Test]
    public void A_drawn_schedule_arg_reaches_the_schedule_exactly_as_drawn()
    {
        var trial = Expand(Random).Trials[0];
        string label = trial.Configuration.Split(' ').Single(p => p.StartsWith("schedule.eta_min=", StringComparison.Ordinal));

        Assert.That(label, Is.EqualTo($"schedule.eta_min={Arg(trial, "eta_min")}"));
        var typed = trial.Trial.Schedule!.Options.Typed.Single(v => v.Key == "eta_min").Value;
        Assert.That(typed, Is.EqualTo(double.Parse(Arg(trial, "eta_min"), CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Quasirandom_search_gives_the_schedule_one_more_dimension()
    {
        var plan = Expand(Random.Replace("mode: random", "mode: quasirandom").Replace("samples: 200", "samples: 31"));
        int[] warmups = plan.Trials.Select(t => int.Parse(Arg(t, "warmup_steps"), CultureInfo.InvariantCulture)).ToArray();

        Assert.That(warmups, Has.All.InRange(10, 40));
        Assert.That(warmups.Distinct().Count(), Is.GreaterThan(20), "a Halton coordinate spreads 31 points over 31 integers");
    }

    [Test]
    public void An_entry_s_fixed_value_replaces_the_file_s_list()
    {
        var momentum = Expand(Grid).Trials.Where(t => t.Trial.Optimizer.Id == "momentum").ToArray();

        Assert.That(momentum.Select(t => Arg(t, "warmup_steps")), Has.All.EqualTo("5"));
        Assert.That(momentum, Has.Length.EqualTo(2));
    }

    [Test]
    public void A_dry_run_lists_each_trial_with_its_swept_args()
    {
        using var scratch = new ScratchDirectory();
        string file = scratch.File("warmups.yaml");
        File.WriteAllText(file, Grid);

        var run = CliRun.Of("sweep", file, "--dry-run", "--no-track");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        string[] names = run.Out.Split('\n').Where(l => l.Contains(" trial-", StringComparison.Ordinal)).Select(l => l[l.IndexOf("trial-", StringComparison.Ordinal)..].TrimEnd()).ToArray();
        Assert.That(names, Is.EqualTo(new[]
        {
            "trial-0000 sgd lr=0.1 schedule.warmup_steps=10 seed=0", "trial-0001 sgd lr=0.1 schedule.warmup_steps=10 seed=1",
            "trial-0002 sgd lr=0.1 schedule.warmup_steps=20 seed=0", "trial-0003 sgd lr=0.1 schedule.warmup_steps=20 seed=1",
            "trial-0004 sgd lr=0.2 schedule.warmup_steps=10 seed=0", "trial-0005 sgd lr=0.2 schedule.warmup_steps=10 seed=1",
            "trial-0006 sgd lr=0.2 schedule.warmup_steps=20 seed=0", "trial-0007 sgd lr=0.2 schedule.warmup_steps=20 seed=1",
            "trial-0008 momentum lr=0.1 momentum=0.5 seed=0", "trial-0009 momentum lr=0.1 momentum=0.5 seed=1",
        }));
    }

    [Test]
    public void Each_run_records_its_own_schedule_args_as_params()
    {
        using var scratch = new ScratchDirectory();
        string file = scratch.File("warmups.yaml");
        File.WriteAllText(file, Grid.Replace("seeds: [0, 1]", "seeds: [0]").Replace("lr: [0.1, 0.2]", "lr: 0.1"));

        var run = CliRun.Of("sweep", file, "--tracking-uri", scratch.File("mlruns"), "--in-process", "--no-report", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var trials = SweepStore.Trials(scratch.File("mlruns"), "warmups");
        Assert.That(trials.Select(r => (r.Params[RunKeys.Params.Optimizer], r.Params[RunKeys.Params.SchedulePrefix + "warmup_steps"])),
            Is.EquivalentTo(new[] { ("sgd", "10"), ("sgd", "20"), ("momentum", "5") }));
    }

    private static SweepPlan Expand(string text) => SweepExpander.Expand(ExperimentFileParser.Parse("warmups.yaml", text), TestEngine.Catalog);

    private static string Args(SweepTrial trial) =>
        string.Join(" ", trial.Trial.Spec.ScheduleArgs.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));

    private static string Arg(SweepTrial trial, string name) => trial.Trial.Spec.ScheduleArgs[name];
}
