using Descent.Engine.Options;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Tests.Support;

namespace Descent.Tests.Sweeps;

/// <summary>Expansion is a pure function of the file and the plugins: same list and identities every time.</summary>
public sealed class SweepExpansionTests
{
    private const string Grid = """
        name: grid
        objective: { id: rosenbrock }
        training: { steps: 50 }
        seeds: [0, 1]
        optimizers:
          - id: adam
            hyperparameters: { lr: [0.01, 0.1], betas: [[0.9, 0.999], [0.8, 0.99]] }
          - id: torch-sgd
            hyperparameters: { lr: 0.001, momentum: [0, 0.9], nesterov: false }
        """;

    private const string Random = """
        name: random
        objective: { id: rosenbrock }
        training: { steps: 50 }
        seeds: 3
        search: { mode: random, samples: 4, seed: 7 }
        optimizers:
          - id: adam
            hyperparameters: { lr: { loguniform: [0.0001, 0.1] }, betas: [0.9, 0.999] }
          - id: torch-rmsprop
            hyperparameters: { lr: { uniform: [0.001, 0.01] }, alpha: { choice: [0.9, 0.99] }, centered: [true, false] }
        """;

    [Test]
    public void A_grid_is_the_product_of_the_lists_times_the_seeds_in_declaration_order()
    {
        var plan = Expand(Grid);

        Assert.That(plan.Trials, Has.Count.EqualTo((2 * 2 * 2) + (2 * 2)));
        Assert.That(plan.Configurations, Is.EqualTo(new[]
        {
            "adam lr=0.01 betas=0.9,0.999", "adam lr=0.01 betas=0.8,0.99", "adam lr=0.1 betas=0.9,0.999", "adam lr=0.1 betas=0.8,0.99",
            "torch-sgd lr=0.001 momentum=0 nesterov=false", "torch-sgd lr=0.001 momentum=0.9 nesterov=false",
        }));
        Assert.That(plan.Trials.Select(t => t.Trial.Seed), Is.EqualTo(Enumerable.Repeat(new long[] { 0, 1 }, 6).SelectMany(s => s)));
    }

    [Test]
    public void A_flat_list_for_an_array_hyperparameter_is_one_value()
    {
        var plan = Expand(Random);

        Assert.That(plan.Trials.Where(t => t.Trial.Optimizer.Id == "adam").Select(t => t.Trial.Optimizer.Options.Values.Single(v => v.Key == "betas").Value).Distinct(),
            Is.EqualTo(new[] { "0.9,0.999" }));
    }

    [TestCase(Grid)]
    [TestCase(Random)]
    public void Expanding_twice_gives_the_same_trials_and_identities(string text)
    {
        var first = Expand(text);
        var second = Expand(text);

        Assert.That(second.Trials.Select(t => (t.Name, t.Identity)), Is.EqualTo(first.Trials.Select(t => (t.Name, t.Identity))));
        Assert.That(second.Identity, Is.EqualTo(first.Identity));
        Assert.That(first.Trials.Select(t => t.Identity).Distinct().Count(), Is.EqualTo(first.Trials.Count));
    }

    [Test]
    public void Random_search_samples_inside_the_bounds_and_on_a_log_scale()
    {
        var plan = Expand(Random.Replace("samples: 4", "samples: 200"));
        double[] adam = plan.Trials.Where(t => t.Trial.Optimizer.Id == "adam" && t.Trial.Seed == 0)
            .Select(t => double.Parse(t.Trial.Optimizer.Options.Values.Single(v => v.Key == "lr").Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();

        Assert.That(adam, Has.Length.EqualTo(200));
        Assert.That(adam, Has.All.InRange(0.0001, 0.1));
        // Log-uniform on [1e-4, 1e-1]: each decade holds a third of the draws (200 draws: 67 +- 20).
        Assert.That(adam.Count(x => x < 0.001), Is.InRange(47, 87));
        Assert.That(adam.Count(x => x > 0.01), Is.InRange(47, 87));
    }

    [Test]
    public void A_drawn_value_reaches_the_options_exactly_as_drawn()
    {
        var plan = Expand(Random);
        var adam = plan.Trials.Where(t => t.Trial.Optimizer.Id == "adam" && t.Trial.Seed == 0).ToArray();

        for (int k = 0; k < adam.Length; k++)
        {
            // Log-uniform on [1e-4, 1e-1] from the k-th draw of entry 0 (RandomDraw), with no trip through text.
            double u = RandomDraw.Unit(7, $"entry-0/sample-{k}/lr");
            double drawn = Math.Exp(Math.Log(0.0001) + (u * (Math.Log(0.1) - Math.Log(0.0001))));
            var options = adam[k].Trial.Optimizer.Options;
            Assert.That(options.Typed.Single(v => v.Key == "lr").Value, Is.EqualTo(drawn));
            Assert.That(options.Values.Single(v => v.Key == "lr").Value, Is.EqualTo(ValueFormat.Number(drawn)));
            Assert.That(adam[k].Configuration, Does.StartWith($"adam lr={ValueFormat.Number(drawn)} "));
        }
    }

    [Test]
    public void Changing_one_value_changes_exactly_the_identities_of_the_trials_that_use_it()
    {
        var before = Expand(Grid);
        var after = Expand(Grid.Replace("lr: [0.01, 0.1]", "lr: [0.01, 0.2]"));

        var changed = before.Trials.Zip(after.Trials).Where(p => p.First.Identity != p.Second.Identity).Select(p => p.First.Name).ToArray();
        var expected = before.Trials.Where(t => t.Configuration.StartsWith("adam lr=0.1 ", StringComparison.Ordinal)).Select(t => t.Name).ToArray();
        Assert.That(changed, Is.EqualTo(expected));
        Assert.That(expected, Has.Length.EqualTo(4));
        Assert.That(after.Identity, Is.Not.EqualTo(before.Identity));
    }

    [Test]
    public void Changing_the_search_seed_changes_the_samples()
    {
        var a = Expand(Random);
        var b = Expand(Random.Replace("seed: 7", "seed: 8"));

        Assert.That(b.Trials.Select(t => t.Identity), Is.Not.EquivalentTo(a.Trials.Select(t => t.Identity)));
    }

    private static SweepPlan Expand(string text) => SweepExpander.Expand(ExperimentFileParser.Parse("sweep.yaml", text), TestEngine.Catalog);
}
