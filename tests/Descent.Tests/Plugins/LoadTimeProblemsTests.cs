using Descent.Cli;
using Descent.Engine.Plugins;
using Descent.Tests.Support;

namespace Descent.Tests.Plugins;

/// <summary>
/// Bad values found when the plugins load, not in the middle of a trial: <c>descent plugins</c> warns (naming
/// the plugin and the hyperparameter or cause), <c>descent trial</c> and <c>descent sweep</c> refuse with one
/// line and exit code 2 before anything runs, never a stack trace.
/// </summary>
public sealed class LoadTimeProblemsTests
{
    private const string Plugin = "Descent.TestPlugins.BadDefaults";

    [Test]
    public void The_catalog_names_each_problem_with_its_plugin_and_hyperparameter()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin(Plugin);

        var catalog = PluginCatalog.Load([folders.Root]);
        var strict = PluginChecks.Check(catalog.Find("strict-eps")!);
        var unbounded = PluginChecks.Check(catalog.Find("unbounded-lr")!);

        Assert.Multiple(() =>
        {
            Assert.That(catalog.Find("null-betas"), Is.Null);
            Assert.That(catalog.FailureOf("null-betas")!.Reason, Is.EqualTo(
                "NullBetasPlugin: hyperparameter 'betas' (NullBetasOptions.Betas) has no default (null); give it one in the options class, e.g. = [0.9, 0.999] (InvalidOperationException)"));
            Assert.That(strict.Select(w => (w.PluginId, w.Hyperparameter)), Is.EqualTo(new[] { ("strict-eps", (string?)null) }));
            Assert.That(strict[0].Message, Does.StartWith("its optimizer StrictEps cannot be created with the default options (eps ('0') must be greater than '0'."));
            Assert.That(unbounded.Select(w => (w.PluginId, w.Hyperparameter)), Is.EqualTo(new[] { ("unbounded-lr", "lr") }));
            Assert.That(unbounded[0].ToString(), Is.EqualTo(
                $"plugin 'unbounded-lr' ({dll}): hyperparameter 'lr' (UnboundedOptions.Lr) has no valid range, so a bad value reaches the optimizer; declare one, e.g. [Hyperparameter(\"lr\", Minimum = 0)]"));
        });
    }

    [Test]
    public void Every_shipped_optimizer_passes_the_checks()
    {
        var optimizers = TestEngine.Catalog.OfKind(Descent.Contracts.PluginKind.Optimizer).ToArray();

        Assert.That(optimizers, Has.Length.GreaterThanOrEqualTo(12));
        Assert.That(optimizers.SelectMany(PluginChecks.Check).Select(w => w.ToString()), Is.Empty);
    }

    [Test]
    public void Plugins_warns_about_each_and_still_lists_the_rest()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin(Plugin);

        var run = CliRun.Of("plugins", "--plugins", folders.Root);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(lines.Count(l => l.StartsWith("warning: skipped plugin ", StringComparison.Ordinal) && l.Contains("NullBetasOptions.Betas", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(lines.Count(l => l.StartsWith("warning: plugin 'strict-eps'", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(lines.Count(l => l.StartsWith("warning: plugin 'unbounded-lr'", StringComparison.Ordinal) && l.Contains("'lr'", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(run.Out, Does.Contain("strict-eps").And.Contain("unbounded-lr"));
    }

    [Test]
    public void Trial_refuses_an_optimizer_that_cannot_be_created_in_one_line_with_exit_code_2()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin(Plugin);

        var run = CliRun.Of("trial", "--optimizer", "strict-eps", "--objective", "quadratic2d", "--steps", "5", "--no-track", "--plugins", folders.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(ErrorLines(run), Is.EqualTo(new[]
        {
            "error: optimizer 'strict-eps' cannot be created with lr=0.1 eps=0: eps ('0') must be greater than '0'. (Parameter 'eps') Actual value was 0. (ArgumentOutOfRangeException); fix the values, or the plugin if these are its defaults",
        }));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public void The_same_optimizer_runs_with_a_value_its_constructor_takes()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin(Plugin);

        var run = CliRun.Of("trial", "--optimizer", "strict-eps", "--hp", "eps=0.5", "--objective", "quadratic2d", "--steps", "5", "--no-track", "--plugins", folders.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
    }

    [Test]
    public void Trial_names_why_a_skipped_optimizer_is_missing()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin(Plugin);

        var run = CliRun.Of("trial", "--optimizer", "null-betas", "--objective", "quadratic2d", "--steps", "5", "--no-track", "--plugins", folders.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(ErrorLines(run), Has.Length.EqualTo(1));
        Assert.That(ErrorLines(run)[0], Does.StartWith("error: optimizer 'null-betas' was skipped when the plugins loaded: NullBetasPlugin: hyperparameter 'betas' (NullBetasOptions.Betas) has no default (null)"));
    }

    [Test]
    public void Sweep_refuses_before_the_first_trial()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin(Plugin);
        using var store = new ScratchDirectory();
        string file = store.File("mixed.yaml");
        File.WriteAllText(file, "name: mixed\nobjective: { id: quadratic2d }\ntraining: { steps: 5 }\nseeds: 2\noptimizers:\n  - id: sgd\n  - id: strict-eps\n    hyperparameters: { lr: [0.1, 0.2] }\n");

        var run = CliRun.Of("sweep", file, "--plugins", folders.Root, "--tracking-uri", store.File("mlruns"), "--parallel", "1");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(ErrorLines(run), Is.EqualTo(new[]
        {
            "error: optimizer 'strict-eps' cannot be created with lr=0.1 eps=0: eps ('0') must be greater than '0'. (Parameter 'eps') Actual value was 0. (ArgumentOutOfRangeException) " +
            "(1 more configurations fail the same way or another); fix the values, or the plugin if these are its defaults",
        }));
        Assert.That(Directory.Exists(store.File("mlruns")) ? Directory.GetDirectories(store.File("mlruns"), "*", SearchOption.AllDirectories).Where(d => Path.GetFileName(d) == "metrics") : [], Is.Empty, "no trial ran");
    }

    /// <summary>The error output without warnings about other plugins of the folder.</summary>
    private static string[] ErrorLines(CliRun run) =>
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => !l.StartsWith("warning: ", StringComparison.Ordinal)).ToArray();
}
