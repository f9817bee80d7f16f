namespace Descent.Benchmarks.Scores;

/// <summary>
/// The expected best value after k tuning trials, read from n trials already run (a budget curve: Schmidt et
/// al. 2021 compare one-shot, small and large tuning budgets; Dodge et al. 2019, "Show your work", report the
/// expected validation performance against the number of hyperparameter assignments).
/// Sort the values worst to best, v_(1), …, v_(n) (ascending when maximizing, descending when minimizing).
/// <list type="bullet">
/// <item><see cref="WithoutReplacement(IReadOnlyList{double}, Goal)"/>: k distinct trials drawn from the n, every
/// k-subset equally likely. The best of a subset is the v_(i) with the highest index i in it, so
/// P(best = v_(i)) = C(i−1, k−1) / C(n, k), and E_k = Σ_{i=k..n} v_(i) C(i−1, k−1) / C(n, k). Exact: E_n is the best
/// value observed, E_1 the mean.</item>
/// <item><see cref="WithReplacement(IReadOnlyList{double}, Goal)"/>: k draws from the empirical distribution (Dodge et
/// al. 2019, eq. 1): E_k = Σ_i v_(i) [(i/n)^k − ((i−1)/n)^k].</item>
/// </list>
/// Ties need no care: labelling tied trials apart changes no subset's best value. The weights
/// w_i = C(i−1, k−1) / C(n, k) come from the recurrence w_n = k/n, w_(i−1) = w_i (i−k)/(i−1): products of
/// positive ratios, no factorials, no cancellation, stable for n in the thousands (O(n) per k, O(n²) per curve).
/// </summary>
public static class ExpectedBest
{
    /// <summary>E_k without replacement for k = 1..n (element k − 1).</summary>
    public static double[] WithoutReplacement(IReadOnlyList<double> values, Goal goal)
    {
        var v = WorstToBest(values, goal, nameof(values));
        var curve = new double[v.Length];
        for (int k = 1; k <= v.Length; k++)
        {
            curve[k - 1] = WithoutReplacementSorted(v, k);
        }

        return curve;
    }

    /// <summary>E_k without replacement for one <paramref name="k"/> in 1..n.</summary>
    public static double WithoutReplacement(IReadOnlyList<double> values, Goal goal, int k)
    {
        var v = WorstToBest(values, goal, nameof(values));
        CheckK(k, v.Length);
        return WithoutReplacementSorted(v, k);
    }

    /// <summary>E_k with replacement (Dodge et al. 2019) for k = 1..n (element k − 1).</summary>
    public static double[] WithReplacement(IReadOnlyList<double> values, Goal goal)
    {
        var v = WorstToBest(values, goal, nameof(values));
        var curve = new double[v.Length];
        for (int k = 1; k <= v.Length; k++)
        {
            curve[k - 1] = WithReplacementSorted(v, k);
        }

        return curve;
    }

    /// <summary>E_k with replacement for one <paramref name="k"/> in 1..n.</summary>
    public static double WithReplacement(IReadOnlyList<double> values, Goal goal, int k)
    {
        var v = WorstToBest(values, goal, nameof(values));
        CheckK(k, v.Length);
        return WithReplacementSorted(v, k);
    }

    /// <summary>Σ_{i=k..n} v_(i) C(i−1, k−1)/C(n, k) over <paramref name="v"/> sorted worst to best (1-based i).</summary>
    internal static double WithoutReplacementSorted(double[] v, int k)
    {
        int n = v.Length;
        double w = (double)k / n;
        double sum = 0;
        for (int i = n; i >= k; i--)
        {
            sum += w * v[i - 1];
            w *= (double)(i - k) / (i - 1);
        }

        return sum;
    }

    private static double WithReplacementSorted(double[] v, int k)
    {
        int n = v.Length;
        double sum = 0;
        double below = 0;
        for (int i = 1; i <= n; i++)
        {
            double upTo = Math.Pow((double)i / n, k);
            sum += v[i - 1] * (upTo - below);
            below = upTo;
        }

        return sum;
    }

    /// <summary>A sorted copy, worst first; rejects an empty list, NaN and infinities.</summary>
    internal static double[] WorstToBest(IReadOnlyList<double> values, Goal goal, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0)
        {
            throw new ArgumentException($"{name} is empty: give the best validation value of at least one trial.", name);
        }

        var v = new double[values.Count];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = values[i];
            if (!double.IsFinite(v[i]))
            {
                throw new ArgumentException(
                    $"{name}[{i}] is {v[i]}: an expected value needs finite numbers; give a diverged trial a finite worst value (e.g. its initial loss) or leave it out.",
                    name);
            }
        }

        Array.Sort(v);
        if (goal == Goal.Minimize)
        {
            Array.Reverse(v);
        }

        return v;
    }

    private static void CheckK(int k, int n)
    {
        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Invalid k = {k}: the number of trials drawn must be in 1..{n} (the trials observed).");
        }
    }
}
