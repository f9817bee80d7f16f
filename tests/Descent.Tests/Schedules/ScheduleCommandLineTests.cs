using System.Text.Json;
using Descent.Cli;
using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Schedules;

/// <summary><c>descent trial --schedule ID --schedule-arg NAME=VALUE</c> and <c>descent plugins</c>.</summary>
public sealed class ScheduleCommandLineTests
{
    [Test]
    public void A_trial_under_a_schedule_ends_where_the_engine_does()
    {
        var run = CliRun.Of([
            "trial", "--optimizer", "sgd", "--hp", "lr=0.1", "--objective", "quadratic2d", "--start", "-5,-2", "--steps", "12",
            "--dtype", "float64", "--schedule", "step", "--schedule-arg", "step_size=3", "--schedule-arg", "gamma=0.5", "--json",
        ]);
        var expected = TestEngine.Run(TestEngine.Analytic("sgd", "quadratic2d", 12, "-5,-2", ("lr", "0.1")) with
        {
            Schedule = "step",
            ScheduleArgs = new Dictionary<string, string> { ["step_size"] = "3", ["gamma"] = "0.5" },
        });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.That(json.RootElement.GetProperty("final_params").EnumerateArray().Select(e => e.GetDouble()), Is.EqualTo(expected.FinalParams));
        Assert.That(expected.FinalParams, Is.Not.EqualTo(TestEngine.Run(TestEngine.Analytic("sgd", "quadratic2d", 12, "-5,-2", ("lr", "0.1"))).FinalParams));
    }

    [Test]
    public void An_unknown_schedule_and_a_bad_argument_are_reported_together()
    {
        var run = CliRun.Of([
            "trial", "--optimizer", "sgd", "--objective", "quadratic2d", "--steps", "3", "--schedule", "cosin",
        ]);
        var bad = CliRun.Of([
            "trial", "--optimizer", "sgd", "--objective", "quadratic2d", "--steps", "3", "--schedule", "step", "--schedule-arg", "gamma=-1",
        ]);

        Assert.That(run.ExitCode, Is.Not.EqualTo(ExitCodes.Ok));
        Assert.That(run.Error, Does.Contain("unknown schedule 'cosin' (did you mean 'cosine'?)"));
        Assert.That(bad.Error, Does.Contain("gamma"));
        Assert.That(bad.Error, Does.Contain("-1"));
    }

    [Test]
    public void Schedule_args_without_a_schedule_are_refused()
    {
        var run = CliRun.Of(["trial", "--optimizer", "sgd", "--objective", "quadratic2d", "--steps", "3", "--schedule-arg", "gamma=0.5"]);

        Assert.That(run.ExitCode, Is.Not.EqualTo(ExitCodes.Ok));
        Assert.That(run.Error, Does.Contain("--schedule-arg gamma=... is given without --schedule"));
    }

    [Test]
    public void The_readme_plugin_follows_a_schedule()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin("Descent.TestPlugins.SignSgd");

        var run = CliRun.Of("trial", "--plugins", folders.Root, "--optimizer", "signsgd", "--hp", "lr=0.1", "--objective", "quadratic2d", "--steps", "30",
            "--dtype", "float64", "--schedule", "step", "--schedule-arg", "step_size=10", "--schedule-arg", "gamma=0.5", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var json = JsonDocument.Parse(run.Out);
        // x1 = -5 moves towards 0 by 10 steps of 0.1, 10 of 0.05 and 10 of 0.025: -3.25, up to the rounding of 30 additions.
        Assert.That(json.RootElement.GetProperty("final_params")[0].GetDouble(), Is.EqualTo(-3.25).Within(1e-12));
    }

    [Test]
    public void Plugins_lists_the_schedules_with_their_hyperparameters()
    {
        var run = CliRun.Of(["plugins", "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var schedules = json.RootElement.EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "schedule").ToArray();
        Assert.That(schedules.Select(s => s.GetProperty("id").GetString()), Is.EquivalentTo(Schedules.Ids()));
        var cosine = schedules.Single(s => s.GetProperty("id").GetString() == "warmup-cosine");
        Assert.That(cosine.GetProperty("hyperparameters").EnumerateArray().Select(h => h.GetProperty("name").GetString()),
            Is.EquivalentTo(new[] { "interval", "warmup_steps", "total_steps", "start_factor", "eta_min" }));
    }
}
