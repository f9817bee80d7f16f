using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>Registers the <c>synthetic-regression</c> dataset.</summary>
public sealed class SyntheticRegressionPlugin() : DatasetPlugin<SyntheticRegressionDataset, SyntheticRegressionOptions>(
    id: "synthetic-regression",
    version: "1.0.0",
    description: "seeded linear data y = X w + b + noise, X ~ N(0, 1); defaults as d2l's synthetic_data (w = (2, -3.4), b = 4.2)");
