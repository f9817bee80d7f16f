using Descent.Contracts;

namespace Descent.Objectives.Quadratic;

/// <summary>Registers the <c>noisy-quadratic</c> objective.</summary>
public sealed class NoisyQuadraticPlugin() : ObjectivePlugin<NoisyQuadratic, NoisyQuadraticOptions>(
    id: "noisy-quadratic",
    version: "1.0.0",
    description: "DeepOBS quadratic_deep: mean over the batch of 0.5 (theta - x)^T H (theta - x), H = R^T diag(lambda) R with " +
        "90% of lambda in [0, 1] and 10% in [30, 60], theta = 1; train on the quadratic-noise dataset",
    requiresDataset: true);
