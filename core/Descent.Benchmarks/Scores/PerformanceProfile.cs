namespace Descent.Benchmarks.Scores;

/// <summary>
/// Performance profiles across workloads (Dolan and Moré 2002, "Benchmarking optimization software with
/// performance profiles"), as AlgoPerf scores its submissions (mlcommons/algorithmic-efficiency,
/// scoring/performance_profile.py <c>compute_performance_profiles</c>, scoring/score_submissions.py):
/// <list type="bullet">
/// <item>ratio r_(w,o) = t_(w,o) / min_o' t_(w,o'), the time of optimizer o on workload w over the fastest's; a miss
/// (t = +∞) has r = +∞, and on a workload no optimizer solved every ratio is +∞ (AlgoPerf's ∞/∞ = NaN also never counts);</item>
/// <item>ρ_o(τ) = |{w : r_(w,o) ≤ τ}| / (number of workloads);</item>
/// <item>ρ on a grid of <c>points</c> τ from 1 to τ_max. AlgoPerf's leaderboard: linear grid, τ_max = 4, 100 points
/// (score_submissions.py calls <c>compute_performance_profiles(min_tau=1.0, max_tau=4.0, num_points=100, scale='linear')</c>);
/// it also sets times beyond 4 × the fastest to ∞, which changes nothing on [1, 4];</item>
/// <item>score = the area under ρ_o on the grid by the trapezoid rule, divided by the grid's range (τ_max − 1), so a
/// score of 1 means fastest on every workload. <see cref="ProfileCurve.ExactScore"/> gives the exact area.</item>
/// </list>
/// Workloads and optimizers are listed in ordinal order of their names.
/// </summary>
/// <param name="Workloads">The workloads, in ordinal order.</param>
/// <param name="Optimizers">The optimizers, in ordinal order.</param>
/// <param name="Ratios">r[workload][optimizer], ≥ 1 or +∞.</param>
/// <param name="Taus">The τ grid, from 1 to τ_max.</param>
/// <param name="Curves">One curve per optimizer, in the order of <paramref name="Optimizers"/>.</param>
/// <param name="TauMax">τ_max.</param>
/// <param name="Scale">How the grid is spaced.</param>
public sealed record PerformanceProfile(
    IReadOnlyList<string> Workloads,
    IReadOnlyList<string> Optimizers,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Ratios,
    IReadOnlyList<double> Taus,
    IReadOnlyList<ProfileCurve> Curves,
    double TauMax,
    ProfileScale Scale)
{
    /// <summary>
    /// The profile of <paramref name="times"/>[workload][optimizer]: times to target (steps or seconds, the same
    /// unit throughout), &gt; 0, +∞ for a miss; every workload must time every optimizer.
    /// </summary>
    public static PerformanceProfile Of(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> times,
        double tauMax = 4.0,
        int points = 100,
        ProfileScale scale = ProfileScale.Linear)
    {
        if (!(tauMax > 1) || double.IsInfinity(tauMax))
        {
            throw new ArgumentOutOfRangeException(nameof(tauMax), tauMax, $"Invalid tauMax = {tauMax}: give a finite τ_max > 1 (AlgoPerf uses 4).");
        }

        if (points < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, $"Invalid points = {points}: the τ grid needs at least 2 points (AlgoPerf uses 100).");
        }

        if (!Enum.IsDefined(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"Invalid scale {scale}: use ProfileScale.Linear or ProfileScale.Log.");
        }

        var (workloads, optimizers) = Check(times);
        var ratios = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (string w in workloads)
        {
            double fastest = optimizers.Min(o => times[w][o]);
            ratios[w] = optimizers.ToDictionary(o => o, o => double.IsInfinity(fastest) ? double.PositiveInfinity : times[w][o] / fastest, StringComparer.Ordinal);
        }

        double[] taus = Grid(tauMax, points, scale);
        double[] x = scale == ProfileScale.Linear ? taus : taus.Select(Math.Log10).ToArray();
        double range = x[^1] - x[0];
        var curves = optimizers.Select(o =>
        {
            double[] r = workloads.Select(w => ratios[w][o]).ToArray();
            double[] rho = taus.Select(t => Fraction(r, t)).ToArray();
            double area = 0;
            for (int i = 0; i + 1 < x.Length; i++)
            {
                area += (rho[i] + rho[i + 1]) / 2 * (x[i + 1] - x[i]);
            }

            double exact = r.Where(v => v <= tauMax).Sum(v => scale == ProfileScale.Linear ? tauMax - v : Math.Log10(tauMax) - Math.Log10(v)) / range / r.Length;
            return new ProfileCurve(o, rho, area / range, exact);
        }).ToArray();

        return new PerformanceProfile(workloads, optimizers, ratios, taus, curves, tauMax, scale);
    }

    /// <summary>ρ of <paramref name="optimizer"/> at any τ (not only on the grid).</summary>
    public double RhoAt(string optimizer, double tau)
    {
        if (!Optimizers.Contains(optimizer))
        {
            throw new ArgumentException($"Unknown optimizer '{optimizer}': the profile has {string.Join(", ", Optimizers)}.", nameof(optimizer));
        }

        return Fraction(Workloads.Select(w => Ratios[w][optimizer]).ToArray(), tau);
    }

    /// <summary>The curve of <paramref name="optimizer"/>.</summary>
    public ProfileCurve this[string optimizer] =>
        Curves.FirstOrDefault(c => c.Optimizer == optimizer)
        ?? throw new ArgumentException($"Unknown optimizer '{optimizer}': the profile has {string.Join(", ", Optimizers)}.", nameof(optimizer));

    /// <summary>The grid as numpy builds it: linspace(1, τ_max, m) or logspace(0, log10 τ_max, m), last point exactly τ_max.</summary>
    internal static double[] Grid(double tauMax, int points, ProfileScale scale)
    {
        var taus = new double[points];
        double top = scale == ProfileScale.Linear ? tauMax - 1 : Math.Log10(tauMax);
        double step = top / (points - 1);
        for (int i = 0; i < points; i++)
        {
            double x = i * step;
            taus[i] = scale == ProfileScale.Linear ? 1 + x : Math.Pow(10, x);
        }

        taus[0] = 1;
        taus[^1] = tauMax;
        return taus;
    }

    private static double Fraction(double[] ratios, double tau) => (double)ratios.Count(r => r <= tau) / ratios.Length;

    private static (string[] Workloads, string[] Optimizers) Check(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0)
        {
            throw new ArgumentException("times is empty: give times[workload][optimizer] for at least one workload.", nameof(times));
        }

        string[] workloads = times.Keys.Order(StringComparer.Ordinal).ToArray();
        string first = workloads[0];
        if (times[first] is null || times[first].Count == 0)
        {
            throw new ArgumentException($"times['{first}'] has no optimizers: give each workload a time for every optimizer (+∞ for a miss).", nameof(times));
        }

        string[] optimizers = times[first].Keys.Order(StringComparer.Ordinal).ToArray();
        foreach (string w in workloads)
        {
            var row = times[w] ?? throw new ArgumentException($"times['{w}'] is null.", nameof(times));
            foreach (string o in optimizers)
            {
                if (!row.TryGetValue(o, out double t))
                {
                    throw new ArgumentException($"times['{w}'] has no time for optimizer '{o}' (times['{first}'] has one): give every optimizer a time on every workload, +∞ for a miss.", nameof(times));
                }

                if (double.IsNaN(t) || t <= 0)
                {
                    throw new ArgumentException($"times['{w}']['{o}'] is {t}: a time to target must be > 0, or +∞ for a miss (a target met at step 0 is too lax to rank).", nameof(times));
                }
            }

            string? extra = row.Keys.FirstOrDefault(o => !optimizers.Contains(o));
            if (extra is not null)
            {
                throw new ArgumentException($"times['{w}'] has optimizer '{extra}' that times['{first}'] lacks: give every optimizer a time on every workload, +∞ for a miss.", nameof(times));
            }
        }

        return (workloads, optimizers);
    }
}
