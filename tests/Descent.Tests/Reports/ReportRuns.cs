using Descent.Reports.Reading;

namespace Descent.Tests.Reports;

/// <summary>Report runs made in memory, for grouping and writer tests that need no store.</summary>
public static class ReportRuns
{
    /// <summary>A finished run with the given params (optimizer, objective, training settings...).</summary>
    public static ReportRun Finished(string configuration, double finalLoss, params (string Key, string Value)[] parameters) =>
        new(
            Guid.NewGuid().ToString("N"),
            "run",
            configuration,
            null,
            TrialOutcome.Finished,
            parameters.ToDictionary(p => p.Key, p => p.Value),
            finalLoss,
            null,
            null,
            null,
            0,
            1,
            new LossHistory([0, 1], [0, 1], [1, finalLoss]),
            TrajectoryHistory.Empty);

    /// <summary>Params of an airfoil trial.</summary>
    public static (string, string)[] Airfoil(string optimizer, string? lr, int batch = 10, int epochs = 2, int seed = 0)
    {
        var list = new List<(string, string)>
        {
            ("optimizer", optimizer), ("objective", "linear-regression"), ("dataset", "airfoil"), ("dataset.standardize", "true"),
            ("epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("batch_size", batch.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("dtype", "float32"),
        };
        if (lr is not null)
        {
            list.Add(("lr", lr));
        }

        return [.. list];
    }

    /// <summary>Params of an analytic trial on quadratic2d.</summary>
    public static (string, string)[] Quadratic(string optimizer, string lr, string a, int steps = 20) =>
    [
        ("optimizer", optimizer), ("lr", lr), ("objective", "quadratic2d"), ("objective.a", a), ("objective.b", "2"),
        ("objective.start", "-5,-2"), ("objective.version", "1.0.0"), ("steps", steps.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("seed", "0"), ("dtype", "float64"),
    ];
}
