using Descent.Contracts;

namespace Descent.Datasets.Quadratic;

/// <summary>Registers the <c>quadratic-noise</c> dataset.</summary>
public sealed class QuadraticNoisePlugin() : DatasetPlugin<QuadraticNoiseDataset, QuadraticNoiseOptions>(
    id: "quadratic-noise",
    version: "1.0.0",
    description: "DeepOBS's quadratic data: x ~ N(0, 0.6^2 I) in 100 dimensions, 1000 samples in each of train / valid / test, " +
        "seeded independently of the trial (the data of the noisy-quadratic objective)");
