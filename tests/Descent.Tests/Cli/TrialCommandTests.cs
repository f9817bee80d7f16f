using System.Globalization;
using System.Text.Json;
using Descent.Cli;
using Descent.Tests.Support;

namespace Descent.Tests.Cli;

/// <summary><c>descent trial</c> end to end: the issue's example, its JSON, its files, and its errors.</summary>
public sealed class TrialCommandTests
{
    private static readonly string[] Example =
    [
        "trial", "--optimizer", "momentum", "--hp", "lr=0.4", "--hp", "momentum=0.5", "--objective", "quadratic2d",
        "--objective-arg", "a=0.1", "--objective-arg", "b=2", "--start", "-5,-2", "--steps", "20", "--dtype", "float64",
    ];

    [Test]
    public void The_issue_example_ends_at_the_chapter_point_in_json()
    {
        var run = CliRun.Of([.. Example, "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("finished"));
        var final = root.GetProperty("final_params").EnumerateArray().Select(e => e.GetDouble().ToString("F6", CultureInfo.InvariantCulture)).ToArray();
        Assert.That(final, Is.EqualTo(new[] { "-0.062843", "0.001202" }));
        var history = root.GetProperty("history").EnumerateArray().ToArray();
        Assert.That(history, Has.Length.EqualTo(21));
        Assert.That(history[0].GetProperty("step").GetInt64(), Is.EqualTo(0));
        Assert.That(history[0].GetProperty("loss").GetDouble(), Is.EqualTo((0.1 * 25) + (2 * 4)));
        Assert.That(history[0].GetProperty("params").EnumerateArray().Select(e => e.GetDouble()), Is.EqualTo(new[] { -5.0, -2.0 }));
        Assert.That(root.GetProperty("final_loss").GetDouble(), Is.EqualTo(history[20].GetProperty("loss").GetDouble()));
        Assert.That(root.GetProperty("hyperparameters").GetProperty("momentum").GetDouble(), Is.EqualTo(0.5));
    }

    [Test]
    public void Human_output_names_the_final_point_and_loss()
    {
        var run = CliRun.Of(Example);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Out, Does.Contain("final   x[0] -0.062843, x[1] 0.001202"));
        Assert.That(run.Out, Does.Contain("status  finished after 20 steps"));
    }

    [Test]
    public void Human_output_gives_a_models_parameter_count_and_digest_instead_of_its_values()
    {
        string[] trial = ["trial", "--optimizer", "torch-sgd", "--objective", "noisy-quadratic", "--dataset", "quadratic-noise", "--epochs", "1", "--batch-size", "128", "--no-track", "--in-process"];
        var human = CliRun.Of(trial);
        var json = CliRun.Of([.. trial, "--json"]);

        Assert.That(human.ExitCode, Is.EqualTo(ExitCodes.Ok), human.Error);
        string sha = JsonDocument.Parse(json.Out).RootElement.GetProperty("final_params_sha256").GetString()!;
        Assert.That(human.Out, Does.Contain($"final   100 parameters, SHA-256 {sha}\n"), "the same digest as --json, of the same run");
    }

    [Test]
    public void Out_writes_the_trajectory_as_csv_and_pictures()
    {
        string directory = Path.Combine(Path.GetTempPath(), "descent-trial-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliRun.Of([.. Example, "--out", directory]);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
            var lines = File.ReadAllLines(Path.Combine(directory, "history.csv"));
            Assert.That(lines[0], Is.EqualTo("step,samples,epoch,loss,x[0],x[1]"));
            Assert.That(lines[1], Is.EqualTo("0,0,0,10.5,-5,-2"));
            Assert.That(lines, Has.Length.EqualTo(22));
            foreach (string picture in new[] { "trajectory.png", "loss.png" })
            {
                byte[] png = File.ReadAllBytes(Path.Combine(directory, picture));
                Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), picture);
                Assert.That(png.Length, Is.GreaterThan(10_000), picture);
            }

            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "result.json")));
            Assert.That(report.RootElement.GetProperty("status").GetString(), Is.EqualTo("finished"));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [TestCase("--hp", "lr=-0.1", "error: optimizer 'momentum': invalid lr = -0.1; valid range is [0, inf)")]
    [TestCase("--hp", "momentum=1", "error: optimizer 'momentum': invalid momentum = 1; valid range is [0, 1)")]
    [TestCase("--hp", "lr", "error: --hp 'lr' must be NAME=VALUE (e.g. --hp lr=0.1)")]
    [TestCase("--start", "-5;-2", "error: objective 'quadratic2d': start needs 2 comma-separated numbers, got '-5;-2'")]
    [TestCase("--optimizer", "nadam", "error: unknown optimizer 'nadam' (did you mean 'adam'?)")]
    [TestCase("--steps", "many", "error: Cannot parse argument 'many' for option '--steps'")]
    public void Bad_input_exits_with_2_and_a_message_without_a_stack_trace(string option, string value, string expected)
    {
        var args = Example.ToList();
        int index = option == "--hp" && value.Contains('=')
            ? args.FindIndex(a => a.StartsWith(value[..(value.IndexOf('=') + 1)], StringComparison.Ordinal)) - 1
            : args.IndexOf(option);
        if (index >= 0 && (option != "--hp" || value.Contains('=')))
        {
            args[index + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var run = CliRun.Of([.. args]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Split('\n'), Has.Some.StartsWith(expected));
        Assert.That(run.Error, Does.Not.Contain("   at "));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public void Plugins_json_lists_every_plugin_with_kind_id_version_hash_and_defaults()
    {
        var run = CliRun.Of("plugins", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var adam = json.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "adam");
        Assert.That(adam.GetProperty("kind").GetString(), Is.EqualTo("optimizer"));
        Assert.That(adam.GetProperty("version").GetString(), Is.EqualTo("1.1.0"));
        Assert.That(adam.GetProperty("sha256").GetString(), Has.Length.EqualTo(64));
        var hyperparameters = adam.GetProperty("hyperparameters").EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("default"));
        Assert.That(hyperparameters.Keys, Is.EqualTo(new[] { "lr", "betas", "eps" }));
        Assert.That(hyperparameters["lr"].GetDouble(), Is.EqualTo(0.01));
        Assert.That(hyperparameters["betas"].EnumerateArray().Select(e => e.GetDouble()), Is.EqualTo(new[] { 0.9, 0.999 }));
        Assert.That(hyperparameters["eps"].GetDouble(), Is.EqualTo(1e-6));
        var kinds = json.RootElement.EnumerateArray().Select(p => p.GetProperty("kind").GetString()).Distinct();
        Assert.That(kinds, Is.SupersetOf(new[] { "optimizer", "objective" }));
    }

    [Test]
    public void A_broken_plugin_directory_costs_one_warning_line_and_nothing_else()
    {
        using var folders = new PluginFolders();
        string broken = folders.AddFile("Broken", [1, 2, 3]);
        folders.AddTestPlugin("Descent.TestPlugins.SignSgd");

        var run = CliRun.Of("plugins", "--json", "--plugins", folders.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(run.Error, Does.Contain($"warning: skipped plugin {broken}: not a .NET assembly"));
        using var json = JsonDocument.Parse(run.Out);
        Assert.That(json.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()), Does.Contain("signsgd").And.Contain("sgd"));
    }
}
