using Descent.Benchmarks.Scores;

namespace Descent.Tests.Benchmarks.Scores;

/// <summary>The expected best of k trials against every k-subset (without replacement) and every k-tuple (with replacement).</summary>
public sealed class ExpectedBestTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(new double[] { 0.31, 0.12, 0.77, 0.45, 0.05, 0.6 }, Goal.Minimize).SetName("six distinct losses");
        yield return new TestCaseData(new double[] { 0.31, 0.12, 0.77, 0.45, 0.05, 0.6 }, Goal.Maximize).SetName("six distinct accuracies");
        yield return new TestCaseData(new double[] { 2, 1, 2, 3, 1, 2, 3 }, Goal.Minimize).SetName("seven values with ties");
        yield return new TestCaseData(new double[] { 2, 1, 2, 3, 1, 2, 3, -4.5 }, Goal.Maximize).SetName("eight values with ties, maximized");
        yield return new TestCaseData(new double[] { 1.25 }, Goal.Minimize).SetName("one value");
    }

    [TestCaseSource(nameof(Cases))]
    public void Without_replacement_equals_the_mean_best_over_every_k_subset(double[] values, Goal goal)
    {
        double[] curve = ExpectedBest.WithoutReplacement(values, goal);

        Assert.That(curve, Has.Length.EqualTo(values.Length));
        for (int k = 1; k <= values.Length; k++)
        {
            double sum = 0;
            int count = 0;
            foreach (var subset in Subsets(values.Length, k))
            {
                sum += Best(subset.Select(i => values[i]), goal);
                count++;
            }

            // Both sides sum at most C(8, 4) = 70 terms of size ≤ 4.5: rounding stays far below 1e-12.
            Assert.That(curve[k - 1], Is.EqualTo(sum / count).Within(1e-12), $"k = {k}");
            Assert.That(ExpectedBest.WithoutReplacement(values, goal, k), Is.EqualTo(curve[k - 1]));
        }

        Assert.Multiple(() =>
        {
            Assert.That(curve[0], Is.EqualTo(values.Average()).Within(1e-12), "one trial: the mean");
            Assert.That(curve[^1], Is.EqualTo(Best(values, goal)), "all trials: the best observed, exactly");
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void With_replacement_equals_the_mean_best_over_every_k_tuple(double[] values, Goal goal)
    {
        double[] curve = ExpectedBest.WithReplacement(values, goal);
        int n = values.Length;

        for (int k = 1; k <= Math.Min(n, 5); k++)
        {
            double sum = 0;
            int count = 0;
            foreach (var tuple in Tuples(n, k))
            {
                sum += Best(tuple.Select(i => values[i]), goal);
                count++;
            }

            Assert.That(curve[k - 1], Is.EqualTo(sum / count).Within(1e-12), $"k = {k}");
        }
    }

    [Test]
    public void A_hand_computed_curve_of_three_losses()
    {
        // Losses {3, 1, 2}: k = 1 gives the mean 2; k = 2 the best of {3,1}, {3,2}, {1,2} = (1 + 2 + 1) / 3 = 4/3; k = 3 gives 1.
        double[] curve = ExpectedBest.WithoutReplacement([3, 1, 2], Goal.Minimize);
        // With replacement, k = 2: P(best = 1) = 1 − (2/3)², P(best = 2) = (2/3)² − (1/3)², P(best = 3) = (1/3)²: 5/9 + 2·3/9 + 3/9 = 14/9.
        double dodge = ExpectedBest.WithReplacement([3, 1, 2], Goal.Minimize, 2);

        Assert.Multiple(() =>
        {
            Assert.That(curve[0], Is.EqualTo(2));
            Assert.That(curve[1], Is.EqualTo(4.0 / 3).Within(1e-15));
            Assert.That(curve[2], Is.EqualTo(1));
            Assert.That(dodge, Is.EqualTo(14.0 / 9).Within(1e-15));
        });
    }

    [Test]
    public void A_thousand_trials_give_a_monotone_curve_from_the_mean_to_the_best()
    {
        var random = new Random(7);
        double[] values = Enumerable.Range(0, 1000).Select(_ => random.NextDouble()).ToArray();

        double[] curve = ExpectedBest.WithoutReplacement(values, Goal.Minimize);

        Assert.Multiple(() =>
        {
            Assert.That(curve[0], Is.EqualTo(values.Average()).Within(1e-12));
            Assert.That(curve[^1], Is.EqualTo(values.Min()));
            Assert.That(curve.Zip(curve.Skip(1)).All(p => p.Second <= p.First + 1e-15), "more trials never expect worse");
            // k = 2 in closed form: E = Σ_i v_(i) (i − 1) / C(n, 2) over values sorted worst to best.
            double[] worstToBest = values.OrderByDescending(v => v).ToArray();
            double k2 = worstToBest.Select((v, i) => v * i).Sum() / (1000 * 999 / 2.0);
            Assert.That(curve[1], Is.EqualTo(k2).Within(1e-12));
        });
    }

    [Test]
    public void Bad_inputs_are_refused_with_a_message_naming_the_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => ExpectedBest.WithoutReplacement([], Goal.Minimize))!.Message, Does.Contain("values is empty"));
            Assert.That(Assert.Throws<ArgumentException>(() => ExpectedBest.WithReplacement([1, double.NaN], Goal.Minimize))!.Message, Does.Contain("values[1] is NaN"));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedBest.WithoutReplacement([1, 2], Goal.Minimize, 3))!.Message, Does.Contain("Invalid k = 3: the number of trials drawn must be in 1..2"));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedBest.WithReplacement([1, 2], Goal.Minimize, 0))!.Message, Does.Contain("Invalid k = 0"));
        });
    }

    private static double Best(IEnumerable<double> values, Goal goal) => goal == Goal.Minimize ? values.Min() : values.Max();

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        for (int mask = 0; mask < 1 << n; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) == k)
            {
                yield return Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).ToArray();
            }
        }
    }

    private static IEnumerable<int[]> Tuples(int n, int k)
    {
        int total = (int)Math.Pow(n, k);
        for (int t = 0; t < total; t++)
        {
            var tuple = new int[k];
            int rest = t;
            for (int j = 0; j < k; j++)
            {
                tuple[j] = rest % n;
                rest /= n;
            }

            yield return tuple;
        }
    }
}
