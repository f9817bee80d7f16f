using Descent.Contracts;
using Descent.Tests.Datasets;
using static TorchSharp.torch;

namespace Descent.Tests.Quadratic;

/// <summary>
/// DeepOBS's quadratic data (deepobs/pytorch/datasets/quadratic.py): x ~ N(0, noise_level^2 I), dim = 100,
/// train_size = 1000, noise_level = 0.6, seeded apart from the trial; here train, valid and test of rows each.
/// </summary>
public sealed class QuadraticNoiseTests
{
    [Test]
    public void Defaults_are_DeepOBSs_three_splits_of_1000_samples_in_100_dimensions()
    {
        using var data = (ISplitDataset)DatasetFactory.Create("quadratic-noise", DataLocations.None);

        Assert.That(data.Splits.Select(s => s.Name), Is.EqualTo(new[] { "train", "valid", "test" }));
        Assert.That(data.Splits.Select(s => s.Features.shape), Is.All.EqualTo(new long[] { 1000, 100 }));
        Assert.That(data.Splits.Select(s => s.Labels.shape), Is.All.EqualTo(new long[] { 1000 }));
        Assert.That(data.Description.Task, Is.EqualTo(DatasetTask.Regression));
        Assert.That(data.Description.InputShape, Is.EqualTo(new long[] { 100 }));
        Assert.That(data.Description.SplitSizes, Is.EquivalentTo(new Dictionary<string, long> { ["train"] = 1000, ["valid"] = 1000, ["test"] = 1000 }));
        Assert.That(data.Features.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(data.Info.FeatureCount, Is.EqualTo(100));
    }

    [Test]
    public void Samples_have_mean_0_and_standard_deviation_noise_level()
    {
        var x = Values(7, ("noise_level", "0.6"));

        // 100,000 draws: the mean's standard error is 0.6 / sqrt(1e5) = 0.0019, the standard deviation's
        // about 0.6 / sqrt(2e5) = 0.0013; 5 standard errors each.
        double mean = x.Average();
        double std = Math.Sqrt(x.Select(v => (v - mean) * (v - mean)).Average());
        Assert.That(mean, Is.EqualTo(0).Within(5 * 0.6 / Math.Sqrt(1e5)));
        Assert.That(std, Is.EqualTo(0.6).Within(5 * 0.6 / Math.Sqrt(2e5)));
    }

    [Test]
    public void Equal_options_give_bit_identical_samples_whatever_the_trial_seed()
    {
        var a = Splits(7, ("noise_seed", "3"), ("dim", "5"), ("rows", "20"));
        var b = Splits(12345, ("noise_seed", "3"), ("dim", "5"), ("rows", "20"));

        Assert.That(b, Is.EqualTo(a));
    }

    [Test]
    public void Another_noise_seed_and_another_split_give_other_numbers()
    {
        var a = Splits(7, ("noise_seed", "0"), ("dim", "5"), ("rows", "20"));
        var b = Splits(7, ("noise_seed", "1"), ("dim", "5"), ("rows", "20"));

        Assert.That(a[0].Zip(b[0]).Count(p => p.First == p.Second), Is.Zero, "train under seeds 0 and 1");
        Assert.That(a[0].Zip(a[1]).Count(p => p.First == p.Second), Is.Zero, "train and valid");
        Assert.That(a[1].Zip(a[2]).Count(p => p.First == p.Second), Is.Zero, "valid and test");
    }

    [Test]
    public void Float32_is_the_float64_draw_rounded()
    {
        using var wide = DatasetFactory.Create("quadratic-noise", new TrialContext(7, ScalarType.Float64, CPU), ("dim", "4"), ("rows", "10"));
        using var narrow = DatasetFactory.Create("quadratic-noise", new TrialContext(7, ScalarType.Float32, CPU), ("dim", "4"), ("rows", "10"));

        Assert.That(DatasetFactory.Values(narrow.Features), Is.EqualTo(DatasetFactory.Values(wide.Features).Select(v => (double)(float)v)));
    }

    [Test]
    public void Dim_rows_and_noise_level_are_checked_before_the_trial_starts()
    {
        Assert.That(DatasetFactory.BindErrors("quadratic-noise", ("dim", "0"), ("rows", "0"), ("noise_level", "-0.1")), Is.EqualTo(new[]
        {
            "dataset 'quadratic-noise': invalid dim = 0; valid range is [1, inf)",
            "dataset 'quadratic-noise': invalid noise_level = -0.1; valid range is [0, inf)",
            "dataset 'quadratic-noise': invalid rows = 0; valid range is [1, inf)",
        }));
    }

    private static double[] Values(long trialSeed, params (string, string)[] settings)
    {
        using var data = DatasetFactory.Create("quadratic-noise", new TrialContext(trialSeed, ScalarType.Float64, CPU), settings);
        return DatasetFactory.Values(data.Features);
    }

    private static double[][] Splits(long trialSeed, params (string, string)[] settings)
    {
        using var data = (ISplitDataset)DatasetFactory.Create("quadratic-noise", new TrialContext(trialSeed, ScalarType.Float64, CPU), settings);
        return data.Splits.Select(s => DatasetFactory.Values(s.Features)).ToArray();
    }
}
