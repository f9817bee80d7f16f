using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// Tabular data held as tensors in the trial's dtype and device. Created once per trial
/// (plugins may cache the parsed file); disposed with the trial.
/// </summary>
public interface IDataset : IDisposable
{
    /// <summary>Shape, names and provenance.</summary>
    DatasetInfo Info { get; }

    /// <summary>Rows x features.</summary>
    Tensor Features { get; }

    /// <summary>One label per row (a vector of length rows).</summary>
    Tensor Labels { get; }
}
