using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>What a dataset holds before it becomes tensors: its description and float64 arrays.</summary>
/// <param name="Info">Shape, names and provenance.</param>
/// <param name="Features">Rows x features, row-major.</param>
/// <param name="Labels">One label per row.</param>
public sealed record DatasetContent(DatasetInfo Info, double[] Features, double[] Labels);
