namespace Descent.Tests.Reference;

/// <summary>The same seed gives the same loss history, bit for bit; another seed gives another.</summary>
public sealed class AirfoilReproducibilityTests
{
    [TestCase("sgd", "lr=0.05")]
    [TestCase("torch-adam", "lr=0.01")]
    public void Same_seed_same_history_bitwise_other_seed_other_history(string optimizer, string hyperparameters)
    {
        var first = AirfoilTrials.Run(optimizer, hyperparameters, 42);
        var second = AirfoilTrials.Run(optimizer, hyperparameters, 42);
        var other = AirfoilTrials.Run(optimizer, hyperparameters, 43);

        Assert.That(second.History.Select(p => BitConverter.DoubleToInt64Bits(p.Loss)), Is.EqualTo(first.History.Select(p => BitConverter.DoubleToInt64Bits(p.Loss))));
        Assert.That(second.FinalParams, Is.EqualTo(first.FinalParams));
        Assert.That(other.History.Select(p => p.Loss), Is.Not.EqualTo(first.History.Select(p => p.Loss)));
        Assert.That(first.History, Has.Count.EqualTo(31), "the start plus every 100 samples of 2 x 1500");
        Assert.That(first.History.Select(p => p.Samples), Is.EqualTo(Enumerable.Range(0, 31).Select(i => (long)i * 100)));
    }
}
