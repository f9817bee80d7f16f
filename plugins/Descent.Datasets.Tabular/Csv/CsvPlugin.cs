using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>Registers the <c>csv</c> dataset.</summary>
public sealed class CsvPlugin() : DatasetPlugin<CsvDataset, CsvOptions>(
    id: "csv",
    version: "1.0.0",
    description: "your own numbers: any delimited file, a chosen target column, optional standardization");
