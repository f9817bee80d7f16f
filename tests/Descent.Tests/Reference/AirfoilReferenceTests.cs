using Descent.Tests.Datasets;

namespace Descent.Tests.Reference;

/// <summary>
/// Every airfoil configuration of the chapter (shared/REFERENCE.md section 2), from scratch and built-in:
/// the mean final loss over seeds 0-4 lies inside the range PyTorch 1.13 gave over its own seeds 0-4,
/// widened by <see cref="Margin"/> on each side.
/// Why a margin, and why this one: Descent's random streams (initial weights, shuffle order) differ from
/// PyTorch's, so single runs differ, and a range from only five seeds understates the spread of single
/// runs: the chapter's own printed runs fall up to 0.001 below those ranges (adam 0.242066, rmsprop
/// 0.242014, momentum 0.242619 against minima 0.2431, 0.2429, 0.2429). A mean of five runs varies about
/// sqrt(5) times less than one run, so half that, 0.0005 (0.2% of the loss), is the margin. Built-in
/// optimizers the reference lists without a range of their own use the range of the from-scratch rule
/// they match (the reference: "same as from-scratch to 6e-8", "same to ~1e-7").
/// </summary>
public sealed class AirfoilReferenceTests
{
    private const double Margin = 0.0005;

    private static readonly TestCaseData[] Configurations =
    [
        Case("sgd", "lr=1", 1500, 6, 0.2445, 0.2459, "sgd lr 1, batch 1500, 6 epochs"),
        Case("sgd", "lr=0.005", 1, 2, 0.2432, 0.2482, "sgd lr 0.005, batch 1"),
        Case("sgd", "lr=0.05", 10, 2, 0.2431, 0.2489, "sgd lr 0.05, batch 10"),
        Case("torch-sgd", "lr=0.05", 10, 2, 0.2431, 0.2489, "torch-sgd lr 0.05, batch 10"),
        Case("momentum", "lr=0.02;momentum=0.5", 10, 2, 0.2430, 0.2457, "momentum lr 0.02, m 0.5"),
        Case("momentum", "lr=0.02;momentum=0.9", 10, 2, 0.2490, 0.2620, "momentum lr 0.02, m 0.9 (oscillates)"),
        Case("momentum", "lr=0.004;momentum=0.9", 10, 2, 0.2429, 0.2460, "momentum lr 0.004, m 0.9"),
        Case("torch-sgd", "lr=0.004;momentum=0.9", 10, 2, 0.2429, 0.2460, "torch-sgd lr 0.004, momentum 0.9"),
        Case("adagrad", "lr=0.1", 10, 2, 0.2425, 0.2437, "adagrad lr 0.1"),
        Case("torch-adagrad", "lr=0.1", 10, 2, 0.2425, 0.2437, "torch-adagrad lr 0.1"),
        Case("rmsprop", "lr=0.01;gamma=0.9", 10, 2, 0.2429, 0.2459, "rmsprop lr 0.01, gamma 0.9"),
        Case("torch-rmsprop", "lr=0.01;alpha=0.9", 10, 2, 0.2429, 0.2459, "torch-rmsprop lr 0.01, alpha 0.9"),
        Case("adadelta", "rho=0.9", 10, 2, 0.2428, 0.2458, "adadelta rho 0.9"),
        Case("torch-adadelta", "rho=0.9", 10, 2, 0.2545, 0.2615, "torch-adadelta rho 0.9 (PyTorch's eps 1e-6)"),
        Case("adam", "lr=0.01", 10, 2, 0.2431, 0.2459, "adam lr 0.01"),
        Case("torch-adam", "lr=0.01", 10, 2, 0.2431, 0.2459, "torch-adam lr 0.01"),
    ];

    [TestCaseSource(nameof(Configurations))]
    public void The_mean_final_loss_over_five_seeds_lies_in_pytorchs_range(string optimizer, string hyperparameters, int batchSize, int epochs, double low, double high)
    {
        double[] finals = Enumerable.Range(0, 5).Select(seed => AirfoilTrials.Run(optimizer, hyperparameters, seed, batchSize, epochs).FinalLoss).ToArray();

        Assert.That(finals.Average(), Is.InRange(low - Margin, high + Margin), $"final losses: {string.Join(", ", finals.Select(f => f.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    private static TestCaseData Case(string optimizer, string hyperparameters, int batchSize, int epochs, double low, double high, string name) =>
        new TestCaseData(optimizer, hyperparameters, batchSize, epochs, low, high).SetName(name);
}
