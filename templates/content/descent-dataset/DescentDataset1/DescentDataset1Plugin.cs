using Descent.Contracts;

namespace DescentDataset1;

/// <summary>The plugin's entry point: its id (used in experiment files and MLflow), version and description.</summary>
public sealed class DescentDataset1Plugin() : DatasetPlugin<DescentDataset1Dataset, DescentDataset1Options>(
    id: "descentdataset1",
    version: "1.0.0",
    description: "a synthetic regression table: y = sin(x) + noise, x uniform in [-3, 3]");
