namespace Descent.Cli.Bench.Workloads;

/// <summary>A model the workloads benchmark trains: its objective plugin and the PyTorch script's name for it.</summary>
/// <param name="Objective">The Descent objective plugin id.</param>
/// <param name="PyTorchName">The model's name in <c>pytorch_workloads.py</c>.</param>
public sealed record Workload(string Objective, string PyTorchName)
{
    /// <summary>DeepOBS's fmnist_mlp and fmnist_2c2d.</summary>
    public static IReadOnlyList<Workload> All { get; } = [new("mlp-classifier", "mlp"), new("cnn-2c2d", "cnn")];
}
