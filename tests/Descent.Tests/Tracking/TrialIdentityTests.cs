using System.Security.Cryptography;
using System.Text;
using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Tracking;

/// <summary>The trial hash: the same configuration gives the same hash, any change of what the trial computes changes it.</summary>
public sealed class TrialIdentityTests
{
    [Test]
    public void The_hash_is_the_SHA256_of_the_compact_canonical_json()
    {
        var trial = Resolve(TestEngine.Analytic("sgd", "quadratic2d", 20, "-5,-2", ("lr", "0.1")));

        string json = TrialIdentity.CanonicalJson(trial);

        Assert.That(TrialIdentity.Hash(trial), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))));
        Assert.That(json, Does.StartWith("{\"optimizer\":{\"id\":\"sgd\",\"version\":\"1.0.0\",\"sha256\":\"" + trial.Optimizer.Plugin.AssemblySha256 + "\",\"options\":{\"lr\":\"0.1\"}}"));
        Assert.That(json, Does.EndWith("\"dataset\":null,\"training\":{\"steps\":20,\"epochs\":null,\"batch_size\":null,\"record_every\":1},\"seed\":0,\"dtype\":\"float64\"}"));
    }

    [Test]
    public void Writing_a_default_out_or_in_gives_the_same_trial()
    {
        var implicitDefault = Resolve(TestEngine.Analytic("sgd", "quadratic2d", 20, "-5,-2", ("lr", "0.1")));
        var explicitDefault = Resolve(TestEngine.Analytic("sgd", "quadratic2d", 20, "-5,-2", ("lr", "0.10"), ("f.a", "1"), ("f.b", "2")));

        Assert.That(TrialIdentity.Hash(explicitDefault), Is.EqualTo(TrialIdentity.Hash(implicitDefault)));
    }

    [Test]
    public void For_a_data_trial_autograd_and_the_closed_form_gradient_are_two_trials()
    {
        var spec = new TrialSpec
        {
            Optimizer = "sgd",
            Objective = "linear-regression",
            Dataset = "synthetic-regression",
            Training = new TrainingSettings(Epochs: 1, BatchSize: 10),
        };

        var closedForm = Resolve(spec);
        var autograd = Resolve(spec with { Training = spec.Training with { Autograd = true } });

        Assert.That(TrialIdentity.CanonicalJson(closedForm), Does.Contain("\"autograd\":false"));
        Assert.That(TrialIdentity.Hash(autograd), Is.Not.EqualTo(TrialIdentity.Hash(closedForm)));
    }

    [Test]
    public void The_device_is_not_part_of_the_identity()
    {
        var spec = TestEngine.Analytic("sgd", "quadratic2d", 20, "-5,-2", ("lr", "0.1"));
        var trial = Resolve(spec);

        Assert.That(TrialIdentity.Hash(trial with { Device = "cuda:0" }), Is.EqualTo(TrialIdentity.Hash(trial)));
    }

    [TestCase("lr")]
    [TestCase("seed")]
    [TestCase("dtype")]
    [TestCase("steps")]
    [TestCase("start")]
    [TestCase("optimizer")]
    public void Changing_what_the_trial_computes_changes_the_hash(string change)
    {
        var spec = TestEngine.Analytic("sgd", "quadratic2d", 20, "-5,-2", ("lr", "0.1"));
        var changed = change switch
        {
            "lr" => TestEngine.Analytic("sgd", "quadratic2d", 20, "-5,-2", ("lr", "0.2")),
            "seed" => spec with { Seed = 1 },
            "dtype" => spec with { DType = "float32" },
            "steps" => spec with { Training = new TrainingSettings(Steps: 21) },
            "start" => TestEngine.Analytic("sgd", "quadratic2d", 20, "-5,-1", ("lr", "0.1")),
            _ => TestEngine.Analytic("momentum", "quadratic2d", 20, "-5,-2", ("lr", "0.1")),
        };

        Assert.That(TrialIdentity.Hash(Resolve(changed)), Is.Not.EqualTo(TrialIdentity.Hash(Resolve(spec))));
    }

    private static ResolvedTrial Resolve(TrialSpec spec) => TrialResolver.Resolve(spec, TestEngine.Catalog);
}
