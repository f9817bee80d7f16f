using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Datasets.Quadratic;

/// <summary>
/// The "data" of DeepOBS's noisy quadratic problem (<c>quadratic_deep</c>): samples x ~ N(0, noise_level^2 I) in
/// <c>dim</c> dimensions, around which the objective's quadratic bowl is centred, so that each minibatch sees a
/// shifted bowl. Three splits of <c>rows</c> samples each, every one an independent draw: <c>train</c> (DeepOBS's
/// training set; its <c>train_eval</c> is the whole training set, as here for up to 10,000 rows), <c>valid</c>
/// (DeepOBS's quadratic has none; drawn like the others so that validation metrics exist) and <c>test</c>
/// (DeepOBS: another 1000 draws, from seed 43). Labels are zeros: the objective uses the features alone.
/// </summary>
/// <remarks>
/// Each split is drawn in float64 on the CPU from its own generator, seeded by
/// <see cref="SeedSequence.Derive"/>(<c>noise_seed</c>, <c>"quadratic-noise/train"</c> | <c>"/valid"</c> | <c>"/test"</c>),
/// then scaled by <c>noise_level</c> and cast to the trial's dtype and device (DeepOBS draws in float64 and casts
/// to float32). Equal options give bit-identical samples whatever the trial's seed or device; the numbers are
/// libtorch's normal stream, not NumPy's, so they are not DeepOBS's samples, only their distribution.
/// </remarks>
public sealed class QuadraticNoiseDataset : ISplitDataset
{
    private static readonly string[] SplitOrder = [SplitNames.Train, SplitNames.Valid, SplitNames.Test];
    private readonly DataSplit[] splits;
    private bool disposed;

    /// <summary>Draws the three splits for a trial.</summary>
    public QuadraticNoiseDataset(QuadraticNoiseOptions options, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        splits = SplitOrder.Select(name => Draw(name, options, context)).ToArray();
        Description = new DatasetDescription(
            DatasetTask.Regression,
            Classes: 0,
            InputShape: [options.Dim],
            SplitSizes: splits.ToDictionary(s => s.Name, s => s.Rows),
            Provenance: $"x ~ N(0, {options.NoiseLevel}^2 I) in {options.Dim} dimensions, {options.Rows} samples per split, " +
                $"each split from libtorch's CPU generator seeded by SeedSequence.Derive({options.NoiseSeed}, \"quadratic-noise/<split>\")");
        Info = new DatasetInfo(
            "quadratic noise",
            options.Rows,
            Enumerable.Range(1, options.Dim).Select(j => $"x{j}").ToArray(),
            "none");
    }

    /// <inheritdoc />
    public DatasetInfo Info { get; }

    /// <inheritdoc />
    public DatasetDescription Description { get; }

    /// <inheritdoc />
    public IReadOnlyList<DataSplit> Splits => splits;

    /// <inheritdoc />
    public Tensor Features => splits[0].Features;

    /// <inheritdoc />
    public Tensor Labels => splits[0].Labels;

    /// <summary>The generator seed of split <paramref name="split"/> under <paramref name="noiseSeed"/>.</summary>
    public static long SplitSeed(long noiseSeed, string split) => SeedSequence.Derive(noiseSeed, $"quadratic-noise/{split}");

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var split in splits)
        {
            split.Features.Dispose();
            split.Labels.Dispose();
        }
    }

    private static DataSplit Draw(string name, QuadraticNoiseOptions options, TrialContext context)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)SplitSeed(options.NoiseSeed, name), CPU);
        using var noise = options.NoiseLevel.ToScalar();
        var features = randn([options.Rows, options.Dim], dtype: ScalarType.Float64, generator: generator)
            .mul_(noise)
            .to(context.DType, context.Device);
        var labels = zeros([options.Rows], dtype: context.DType, device: context.Device);
        return new DataSplit(name, features.DetachFromDisposeScope(), labels.DetachFromDisposeScope());
    }
}
