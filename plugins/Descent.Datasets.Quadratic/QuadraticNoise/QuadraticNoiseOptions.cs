using Descent.Contracts;

namespace Descent.Datasets.Quadratic;

/// <summary>
/// Options of <see cref="QuadraticNoiseDataset"/>. The defaults are DeepOBS's <c>quadratic</c> data set
/// (deepobs/pytorch/datasets/quadratic.py: <c>dim=100</c>, <c>train_size=1000</c>, <c>noise_level=0.6</c>,
/// training draws from <c>np.random.RandomState(42)</c>).
/// </summary>
public sealed class QuadraticNoiseOptions
{
    /// <summary>Dimension of each sample; must equal the objective's <c>dim</c> (DeepOBS: 100).</summary>
    [Hyperparameter("dim", Description = "dimension of each noise vector (DeepOBS: 100)", Minimum = 1)]
    public int Dim { get; set; } = 100;

    /// <summary>Samples in each split, <c>train</c>, <c>valid</c> and <c>test</c> (DeepOBS's <c>train_size</c>: 1000, used for train and test alike).</summary>
    [Hyperparameter("rows", Description = "samples in each of train, valid and test (DeepOBS's train_size: 1000)", Minimum = 1)]
    public int Rows { get; set; } = 1000;

    /// <summary>Standard deviation of each coordinate of a sample, x ~ N(0, noise_level^2 I) (DeepOBS: 0.6).</summary>
    [Hyperparameter("noise_level", Description = "standard deviation of each coordinate, x ~ N(0, noise_level^2 I) (DeepOBS: 0.6)", Minimum = 0)]
    public double NoiseLevel { get; set; } = 0.6;

    /// <summary>
    /// The data's own seed, independent of the trial's seed, so every optimizer and every trial seed sees the
    /// same samples (DeepOBS: 42 for its training data).
    /// </summary>
    [Hyperparameter("noise_seed", Description = "the data's own seed, independent of the trial seed (DeepOBS: 42)", Minimum = 0)]
    public long NoiseSeed { get; set; } = 42;
}
