using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>Registers the <c>airfoil</c> dataset.</summary>
public sealed class AirfoilPlugin() : DatasetPlugin<AirfoilDataset, AirfoilOptions>(
    id: "airfoil",
    version: "1.0.0",
    description: "NASA airfoil self-noise (UCI 291), standardized, first 1500 rows: 5 features, sound pressure label (d2l, Minibatch SGD)");
