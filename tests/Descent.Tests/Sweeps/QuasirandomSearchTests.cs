using System.Globalization;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Sweeps.Search;
using Descent.Tests.Support;

namespace Descent.Tests.Sweeps;

/// <summary>
/// Quasi-random search: sample k of an entry is point <see cref="QuasirandomSearch.Index"/>(k) of its scrambled Halton
/// sequence, mapped as random search maps a draw; the trials are a function of the file, the entry and the index alone.
/// </summary>
public sealed class QuasirandomSearchTests
{
    private const string File = """
        name: quasirandom
        objective: { id: rosenbrock }
        training: { steps: 50 }
        seeds: 2
        search: { mode: quasirandom, samples: 8, seed: 7 }
        optimizers:
          - id: adam
            hyperparameters: { lr: { loguniform: [0.0001, 0.1] }, betas: [0.9, 0.999] }
          - id: torch-rmsprop
            hyperparameters: { centered: [true, false], alpha: { choice: [0.9, 0.99] }, lr: { uniform: [0.001, 0.01] } }
        """;

    [Test]
    public void Expanding_twice_gives_the_same_trials_and_identities()
    {
        var first = Expand(File);
        var second = Expand(File);

        Assert.That(first.Trials, Has.Count.EqualTo((8 + 8) * 2));
        Assert.That(second.Trials.Select(t => (t.Name, t.Identity)), Is.EqualTo(first.Trials.Select(t => (t.Name, t.Identity))));
        Assert.That(second.Identity, Is.EqualTo(first.Identity));
        Assert.That(first.Trials.Select(t => t.Identity).Distinct().Count(), Is.EqualTo(first.Trials.Count));
    }

    [Test]
    public void Sample_k_is_halton_point_k_after_the_skip_mapped_through_each_space_in_declaration_order()
    {
        var rmsprop = Expand(File).Trials.Where(t => t.Trial.Optimizer.Id == "torch-rmsprop" && t.Trial.Seed == 0).ToArray();

        // torch-rmsprop declares lr, alpha, ..., centered: those are dimensions 0, 1 and 2 (bases 2, 3, 5), whatever the file's key order.
        var halton = QuasirandomSearch.Sequence(searchSeed: 7, entry: 1, dimensions: 3);
        Assert.That(rmsprop, Has.Length.EqualTo(8));
        for (int k = 0; k < rmsprop.Length; k++)
        {
            double[] u = halton.Point(QuasirandomSearch.Skip + 1 + k);
            var options = rmsprop[k].Trial.Optimizer.Options;
            Assert.That(options.Typed.Single(v => v.Key == "lr").Value, Is.EqualTo(0.001 + (u[0] * (0.01 - 0.001))), $"sample {k}");
            Assert.That(options.Values.Single(v => v.Key == "alpha").Value, Is.EqualTo(u[1] < 0.5 ? "0.9" : "0.99"), $"sample {k}");
            Assert.That(options.Values.Single(v => v.Key == "centered").Value, Is.EqualTo(u[2] < 0.5 ? "true" : "false"), $"sample {k}");
        }
    }

    [Test]
    public void A_log_uniform_range_is_covered_evenly()
    {
        var plan = Expand(File.Replace("samples: 8", "samples: 32").Replace("seeds: 2", "seeds: 1"));
        double[] lr = plan.Trials.Where(t => t.Trial.Optimizer.Id == "adam")
            .Select(t => double.Parse(t.Trial.Optimizer.Options.Values.Single(v => v.Key == "lr").Value, CultureInfo.InvariantCulture))
            .ToArray();

        // adam samples lr alone, so its one coordinate is base 2: 32 consecutive points put one point in each of 32 equal
        // cells of the (shifted) log range. A decade is 32/3 = 10.7 cells, so it holds 9 to 12 points, exactly (random draws: 10.7 +- 2.7).
        Assert.That(lr, Has.Length.EqualTo(32));
        Assert.That(lr, Has.All.InRange(0.0001, 0.1));
        Assert.That(lr.Count(x => x < 0.001), Is.InRange(9, 12));
        Assert.That(lr.Count(x => x >= 0.001 && x < 0.01), Is.InRange(9, 12));
        Assert.That(lr.Count(x => x >= 0.01), Is.InRange(9, 12));
    }

    [Test]
    public void Changing_one_entrys_space_changes_only_its_trials()
    {
        var before = Expand(File);
        var after = Expand(File.Replace("lr: { uniform: [0.001, 0.01] }", "lr: { uniform: [0.001, 0.02] }"));

        var adam = (Func<SweepPlan, IEnumerable<(string, string)>>)(p => p.Trials.Where(t => t.Trial.Optimizer.Id == "adam").Select(t => (t.Name, t.Identity)));
        Assert.That(adam(after), Is.EqualTo(adam(before)));
        var rmsprop = (Func<SweepPlan, IEnumerable<string>>)(p => p.Trials.Where(t => t.Trial.Optimizer.Id == "torch-rmsprop").Select(t => t.Identity));
        Assert.That(rmsprop(after).Intersect(rmsprop(before)), Is.Empty);
    }

    [Test]
    public void Changing_the_search_seed_changes_the_samples()
    {
        var a = Expand(File);
        var b = Expand(File.Replace("seed: 7", "seed: 8"));

        Assert.That(b.Trials.Select(t => t.Identity).Intersect(a.Trials.Select(t => t.Identity)), Is.Empty);
    }

    [Test]
    public void A_trial_made_alone_from_its_index_equals_the_listed_one()
    {
        var file = ExperimentFileParser.Parse("sweep.yaml", File);

        var listed = SweepExpander.Expand(file, TestEngine.Catalog);
        var lazy = SweepExpander.Expand(file, TestEngine.Catalog, listedLimit: 1);

        Assert.That(lazy.Unlisted, Is.True);
        foreach (int index in new[] { 31, 0, 17 })
        {
            Assert.That((lazy.Trials[index].Name, lazy.Trials[index].Identity), Is.EqualTo((listed.Trials[index].Name, listed.Trials[index].Identity)));
        }
    }

    [Test]
    public void Repeated_choices_are_one_trial()
    {
        // Two lists of two values have four configurations; eight samples repeat some, and each runs once, in the order first drawn.
        var plan = Expand(File.Replace("seeds: 2", "seeds: 1").Replace("lr: { uniform: [0.001, 0.01] }", "lr: 0.01"));

        // lr is one value now, so alpha and centered are dimensions 0 and 1 (bases 2 and 3).
        var halton = QuasirandomSearch.Sequence(searchSeed: 7, entry: 1, dimensions: 2);
        var expected = Enumerable.Range(0, 8).Select(k => halton.Point(QuasirandomSearch.Index(k)))
            .Select(u => $"torch-rmsprop lr=0.01 alpha={(u[0] < 0.5 ? "0.9" : "0.99")} centered={(u[1] < 0.5 ? "true" : "false")}")
            .Distinct().ToArray();
        var rmsprop = plan.Trials.Where(t => t.Trial.Optimizer.Id == "torch-rmsprop").Select(t => t.Configuration).ToArray();
        Assert.That(rmsprop, Is.EqualTo(expected));
        Assert.That(rmsprop, Has.Length.LessThan(8));
    }

    private static SweepPlan Expand(string text) => SweepExpander.Expand(ExperimentFileParser.Parse("sweep.yaml", text), TestEngine.Catalog);
}
