using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Tests.Datasets;

/// <summary>
/// y = X w + b + noise with X ~ N(0, 1), drawn from the data's own seed: the same numbers for the same
/// options whatever the trial, other numbers for another seed, and the truth recoverable by least squares.
/// </summary>
public sealed class SyntheticRegressionTests
{
    [Test]
    public void Defaults_are_d2ls_synthetic_data_shape()
    {
        using var data = DatasetFactory.Create("synthetic-regression", DataLocations.None);

        Assert.That(data.Features.shape, Is.EqualTo(new long[] { 1000, 2 }));
        Assert.That(data.Labels.shape, Is.EqualTo(new long[] { 1000 }));
        Assert.That(data.Features.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(data.Info.FeatureNames, Is.EqualTo(new[] { "x1", "x2" }));
        Assert.That(data.Info.LabelName, Is.EqualTo("y"));
        Assert.That(data.Info.Source, Is.Null);
    }

    [Test]
    public void Equal_options_give_equal_numbers_whatever_the_trial_seed()
    {
        var a = Draw(ScalarType.Float64, 7, ("seed", "3"), ("rows", "50"));
        var b = Draw(ScalarType.Float64, 12345, ("seed", "3"), ("rows", "50"));

        Assert.That(a.Features, Is.EqualTo(b.Features));
        Assert.That(a.Labels, Is.EqualTo(b.Labels));
    }

    [Test]
    public void Another_seed_gives_other_numbers()
    {
        var a = Draw(ScalarType.Float64, 7, ("seed", "0"));
        var b = Draw(ScalarType.Float64, 7, ("seed", "1"));

        Assert.That(a.Features.Zip(b.Features).Count(p => p.First == p.Second), Is.Zero);
    }

    [Test]
    public void Float32_is_the_float64_draw_rounded()
    {
        var wide = Draw(ScalarType.Float64, 7);
        var narrow = Draw(ScalarType.Float32, 7);

        Assert.That(narrow.Features, Is.EqualTo(wide.Features.Select(x => (double)(float)x)));
    }

    [Test]
    public void The_first_numbers_are_pinned_so_a_change_of_generator_shows()
    {
        // The first two normals for data seed 0, computed by a separate Python transcription of the
        // generator (SeedSequence.Derive(0, "synthetic-regression"), SplitMix64, Marsaglia polar).
        var data = Draw(ScalarType.Float64, 7, ("rows", "2"), ("weights", "1"), ("bias", "0"), ("noise", "0"));

        Assert.That(data.Labels, Is.EqualTo(data.Features), "with w = 1, b = 0 and no noise, y = x");
        Assert.That(data.Features, Is.EqualTo(Pinned));
    }

    [Test]
    public void Least_squares_recovers_the_true_weights_within_the_noise()
    {
        double[] w = [2, -3.4, 0.5];
        const double b = 4.2, noise = 0.01;
        const int rows = 1000;
        var data = Draw(ScalarType.Float64, 7, ("weights", "2,-3.4,0.5"), ("bias", "4.2"), ("noise", "0.01"), ("rows", "1000"));

        var estimate = LeastSquares(data.Features, data.Labels, rows, w.Length);

        // Each coefficient's standard error is about noise / sqrt(rows) = 3.2e-4 (X ~ N(0, 1)); allow 5 of them.
        double tolerance = 5 * noise / Math.Sqrt(rows);
        for (int j = 0; j < w.Length; j++)
        {
            Assert.That(estimate[j], Is.EqualTo(w[j]).Within(tolerance), $"w{j + 1}");
        }

        Assert.That(estimate[^1], Is.EqualTo(b).Within(tolerance), "b");
        double residual = Math.Sqrt(Enumerable.Range(0, rows).Select(r => Math.Pow(data.Labels[r] - Predict(data.Features, r, estimate), 2)).Average());
        Assert.That(residual, Is.EqualTo(noise).Within(0.1 * noise), "residuals have the noise's std");
    }

    [Test]
    public void Rows_and_noise_are_checked_before_the_trial_starts()
    {
        Assert.That(DatasetFactory.BindErrors("synthetic-regression", ("rows", "0"), ("noise", "-1")), Is.EqualTo(new[]
        {
            "dataset 'synthetic-regression': invalid noise = -1; valid range is [0, inf)",
            "dataset 'synthetic-regression': invalid rows = 0; valid range is [1, inf)",
        }));
    }

    private static readonly double[] Pinned = [-0.6201918057613665, 0.9854914934257886];

    private static (double[] Features, double[] Labels) Draw(ScalarType dtype, long trialSeed, params (string, string)[] settings)
    {
        var errors = DatasetFactory.BindErrors("synthetic-regression", settings);
        Assert.That(errors, Is.Empty);
        using var data = DatasetFactory.Create("synthetic-regression", new TrialContext(trialSeed, dtype, CPU), settings);
        return (DatasetFactory.Values(data.Features), DatasetFactory.Values(data.Labels));
    }

    private static double Predict(double[] x, int row, double[] coefficients)
    {
        int n = coefficients.Length - 1;
        double y = coefficients[n];
        for (int j = 0; j < n; j++)
        {
            y += x[(row * n) + j] * coefficients[j];
        }

        return y;
    }

    /// <summary>Solves the normal equations [X 1]^T [X 1] c = [X 1]^T y by Gaussian elimination with partial pivoting.</summary>
    private static double[] LeastSquares(double[] x, double[] y, int rows, int n)
    {
        int m = n + 1;
        var a = new double[m, m + 1];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < m; i++)
            {
                double xi = i < n ? x[(r * n) + i] : 1;
                for (int j = 0; j < m; j++)
                {
                    a[i, j] += xi * (j < n ? x[(r * n) + j] : 1);
                }

                a[i, m] += xi * y[r];
            }
        }

        for (int col = 0; col < m; col++)
        {
            int pivot = Enumerable.Range(col, m - col).MaxBy(r => Math.Abs(a[r, col]));
            for (int j = 0; j <= m; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            for (int r = 0; r < m; r++)
            {
                if (r != col)
                {
                    double factor = a[r, col] / a[col, col];
                    for (int j = col; j <= m; j++)
                    {
                        a[r, j] -= factor * a[col, j];
                    }
                }
            }
        }

        return Enumerable.Range(0, m).Select(i => a[i, m] / a[i, i]).ToArray();
    }
}
