namespace Descent.Cli.Bench.Workloads;

/// <summary>A model the workloads benchmark trains: its objective plugin and the PyTorch script's names for it.</summary>
/// <param name="Objective">The Descent objective plugin id.</param>
/// <param name="PyTorchName">The model's name in <c>pytorch_workloads.py</c>.</param>
/// <param name="PyTorchChannelsLast">
/// The script's name for the same model in PyTorch's channels-last recipe, where Descent's model runs channels-last
/// (its CNNs on CPU); the benchmark then compares with the faster of PyTorch's two. Null for the MLP.
/// </param>
public sealed record Workload(string Objective, string PyTorchName, string? PyTorchChannelsLast = null)
{
    /// <summary>DeepOBS's fmnist_mlp and fmnist_2c2d.</summary>
    public static IReadOnlyList<Workload> All { get; } = [new("mlp-classifier", "mlp"), new("cnn-2c2d", "cnn", "cnn_channels_last")];

    /// <summary>The script's names for this model: the plain one, then the channels-last one if any.</summary>
    public IEnumerable<string> PyTorchNames => PyTorchChannelsLast is null ? [PyTorchName] : [PyTorchName, PyTorchChannelsLast];
}
