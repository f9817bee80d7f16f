using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Quadratic;

/// <summary>The noisy quadratic trained as a trial: the loss falls, a rerun repeats it to the bit, both plugins are listed.</summary>
public sealed class NoisyQuadraticTrainingTests
{
    [Test]
    public void Sgd_for_two_epochs_lowers_the_loss_and_a_rerun_repeats_every_number()
    {
        var spec = QuadraticProbe.Spec("sgd", ("hp.lr", "0.01")) with { Seed = 3 };

        var a = TestEngine.Run(spec);
        var b = TestEngine.Run(spec);

        Assert.That(a.Status, Is.EqualTo(TrialStatus.Finished), a.Error);
        var trainEval = a.Evaluations.Where(e => e.Split == SplitNames.TrainEval).Select(e => e.Loss).ToArray();
        TestContext.Out.WriteLine($"train_eval loss: {string.Join(", ", trainEval)}");
        Assert.That(trainEval, Has.Length.EqualTo(3), "at the start and after each epoch");
        Assert.That(trainEval[1], Is.LessThan(trainEval[0]));
        Assert.That(trainEval[2], Is.LessThan(trainEval[1]));
        Assert.That(a.Evaluations.Select(e => e.Split).Distinct(), Is.EquivalentTo(new[] { "train", "train_eval", "valid", "test" }));
        Assert.That(b.Evaluations, Is.EqualTo(a.Evaluations));
        Assert.That(b.FinalParams, Is.EqualTo(a.FinalParams));
    }

    [Test]
    public void Both_plugins_are_in_the_catalog_with_DeepOBSs_defaults()
    {
        Assert.That(TestEngine.Catalog.Find("noisy-quadratic")!.Kind, Is.EqualTo(PluginKind.Objective));
        Assert.That(TestEngine.Catalog.Find("quadratic-noise")!.Kind, Is.EqualTo(PluginKind.Dataset));
        Assert.That(Defaults("noisy-quadratic"), Is.EqualTo("dim=100;hessian_seed=42"));
        Assert.That(Defaults("quadratic-noise"), Is.EqualTo("dim=100;rows=1000;noise_level=0.6;noise_seed=42"));
    }

    [Test]
    public void Descent_plugins_lists_both()
    {
        var run = CliRun.Of("plugins", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var kinds = json.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("kind").GetString());
        Assert.That(kinds["noisy-quadratic"], Is.EqualTo("objective"));
        Assert.That(kinds["quadratic-noise"], Is.EqualTo("dataset"));
    }

    private static string Defaults(string id) =>
        string.Join(";", TestEngine.Catalog.Find(id)!.Schema.Hyperparameters.Select(h => $"{h.Name}={h.DefaultText}"));
}
