using System.Diagnostics;
using System.Globalization;
using Descent.Cli;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;

namespace Descent.Tests.Sweeps;

/// <summary>
/// Sweeps of any size: a grid too large to list is expanded lazily (each trial made from its index, in the order a
/// listed expansion has), its dry run prints the count and the first and last trials with flat memory, and a run
/// above --max-trials is refused with the count and how to raise the limit.
/// </summary>
public sealed class LargeSweepTests
{
    /// <summary>100 learning rates x 100 momenta x 1000 seeds: 10^7 trials.</summary>
    private static readonly string TenMillion =
        "name: huge\nobjective: { id: quadratic2d }\ntraining: { steps: 5 }\nseeds: 1000\noptimizers:\n  - id: momentum\n    hyperparameters:\n" +
        $"      lr: [{string.Join(", ", Enumerable.Range(1, 100).Select(i => (i / 1000.0).ToString(CultureInfo.InvariantCulture)))}]\n" +
        $"      momentum: [{string.Join(", ", Enumerable.Range(0, 100).Select(i => (i / 100.0).ToString(CultureInfo.InvariantCulture)))}]\n";

    private const string Mixed = """
        name: mixed
        objectives: [{ id: rosenbrock }, { id: quadratic2d }]
        training: { steps: 5 }
        seeds: [0, 1, 2]
        optimizers:
          - id: adam
            hyperparameters: { lr: [0.01, 0.1, 0.2], betas: [[0.9, 0.999], [0.8, 0.99]] }
          - id: torch-sgd
            hyperparameters: { lr: 0.001, momentum: [0, 0.5, 0.9], nesterov: false }
        """;

    private const string Random = """
        name: random
        objective: { id: rosenbrock }
        training: { steps: 5 }
        seeds: 2
        search: { mode: random, samples: 5, seed: 7 }
        optimizers:
          - id: adam
            hyperparameters: { lr: { loguniform: [0.0001, 0.1] }, betas: [0.9, 0.999] }
        """;

    [TestCase(Mixed, 2 * ((3 * 2) + 3) * 3)]
    [TestCase(Random, 5 * 2)]
    public void The_lazy_expansion_makes_exactly_the_listed_trials(string text, int count)
    {
        var file = ExperimentFileParser.Parse("sweep.yaml", text);

        var listed = SweepExpander.Expand(file, TestEngine.Catalog);
        var lazy = SweepExpander.Expand(file, TestEngine.Catalog, listedLimit: 1);

        Assert.That((listed.Unlisted, lazy.Unlisted), Is.EqualTo((false, true)));
        Assert.That(lazy.Trials, Has.Count.EqualTo(count));
        Assert.That(lazy.Trials.Select(t => (t.Index, t.Name, t.Identity)), Is.EqualTo(listed.Trials.Select(t => (t.Index, t.Name, t.Identity))));
        Assert.That(lazy.Identity, Is.EqualTo(listed.Identity));
    }

    [Test]
    public void A_lazy_grid_still_refuses_a_bad_value_at_its_line()
    {
        var file = ExperimentFileParser.Parse("sweep.yaml", Mixed.Replace("momentum: [0, 0.5, 0.9]", "momentum: [0, 0.5, -0.9]", StringComparison.Ordinal));

        var error = Assert.Throws<ExperimentFileException>(() => SweepExpander.Expand(file, TestEngine.Catalog, listedLimit: 1));

        Assert.That(error!.Errors.Select(e => e.ToString()), Has.Exactly(1).Contains("sweep.yaml:9:").And.Contains("momentum").And.Contains("-0.9"));
    }

    [Test]
    public void A_sweep_above_max_trials_is_refused_with_its_count_and_how_to_raise_the_limit()
    {
        using var scratch = new ScratchDirectory();
        string file = scratch.File("huge.yaml");
        File.WriteAllText(file, TenMillion);

        var run = CliRun.Of("sweep", file, "--no-track");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Is.EqualTo(
            "error: the sweep has 10,000,000 trials, more than --max-trials 100,000; to run it anyway give --max-trials 10000000, or use fewer values (descent sweep FILE --dry-run shows the first and last trials)"));
        Assert.That(CliRun.Of("sweep", file, "--no-track", "--max-trials", "9999999").ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public async Task A_dry_run_of_ten_million_trials_prints_the_ends_in_seconds_under_a_512_MB_heap_limit()
    {
        using var scratch = new ScratchDirectory();
        string file = scratch.File("huge.yaml");
        File.WriteAllText(file, TenMillion);
        var environment = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x20000000" };

        var clock = Stopwatch.StartNew();
        using var process = DescentProcess.Start(environment, "sweep", file, "--dry-run", "--no-track");
        var (exitCode, output, error) = await DescentProcess.FinishAsync(process, TimeSpan.FromSeconds(120));
        clock.Stop();

        Assert.That(exitCode, Is.EqualTo(0), error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.That(lines, Has.Length.EqualTo(12));
        Assert.That(lines[0], Does.EndWith("  trial-0000 momentum lr=0.001 momentum=0 seed=0"));
        Assert.That(lines[5], Is.EqualTo("...           9,999,990 more trials"));
        Assert.That(lines[10], Does.EndWith("  trial-9999999 momentum lr=0.1 momentum=0.99 seed=999"));
        Assert.That(lines[11], Is.EqualTo("10,000,000 trials, more than --max-trials 100,000: a run would be refused (give --max-trials 10000000 to run it)"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the listed expansion took minutes and 21 GB");
    }
}
