using Descent.Benchmarks.Scores;

namespace Descent.Tests.Benchmarks.Scores;

/// <summary>Performance profiles and AlgoPerf scores on a hand-computed table.</summary>
public sealed class PerformanceProfileTests
{
    private const double Inf = double.PositiveInfinity;

    // Ratios by hand (time / fastest on the workload):
    //   w1: a 10 → 1,    b 25 → 2.5, c miss → ∞
    //   w2: a 35 → 1.75, b 20 → 1,   c 70 → 3.5
    //   w3: a 8  → 1,    b miss → ∞, c 10 → 1.25
    // None lies on the 100-point grid τ_j = 1 + j/33, so no jump sits exactly on a grid point.
    private static readonly Dictionary<string, IReadOnlyDictionary<string, double>> Times = new()
    {
        ["w1"] = new Dictionary<string, double> { ["a"] = 10, ["b"] = 25, ["c"] = Inf },
        ["w2"] = new Dictionary<string, double> { ["a"] = 35, ["b"] = 20, ["c"] = 70 },
        ["w3"] = new Dictionary<string, double> { ["a"] = 8, ["b"] = Inf, ["c"] = 10 },
    };

    [Test]
    public void Ratios_divide_by_the_fastest_and_keep_misses_infinite()
    {
        var p = PerformanceProfile.Of(Times);

        Assert.Multiple(() =>
        {
            Assert.That(p.Workloads, Is.EqualTo(new[] { "w1", "w2", "w3" }));
            Assert.That(p.Optimizers, Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(new[] { "a", "b", "c" }.Select(o => p.Ratios["w1"][o]), Is.EqualTo(new[] { 1, 2.5, Inf }));
            Assert.That(new[] { "a", "b", "c" }.Select(o => p.Ratios["w2"][o]), Is.EqualTo(new[] { 1.75, 1, 3.5 }));
            Assert.That(new[] { "a", "b", "c" }.Select(o => p.Ratios["w3"][o]), Is.EqualTo(new[] { 1, Inf, 1.25 }));
        });
    }

    [TestCase("a", 1.0, 2.0 / 3)]
    [TestCase("a", 1.7, 2.0 / 3)]
    [TestCase("a", 1.75, 1.0)]
    [TestCase("b", 1.0, 1.0 / 3)]
    [TestCase("b", 2.5, 2.0 / 3)]
    [TestCase("b", 4.0, 2.0 / 3)]
    [TestCase("c", 1.0, 0.0)]
    [TestCase("c", 1.25, 1.0 / 3)]
    [TestCase("c", 3.49, 1.0 / 3)]
    [TestCase("c", 3.5, 2.0 / 3)]
    [TestCase("c", 1e9, 2.0 / 3)]
    public void Rho_is_the_fraction_of_workloads_within_tau_of_the_best(string optimizer, double tau, double rho) =>
        Assert.That(PerformanceProfile.Of(Times).RhoAt(optimizer, tau), Is.EqualTo(rho));

    [Test]
    public void The_grid_is_AlgoPerfs_linspace_from_1_to_4_in_100_points()
    {
        var p = PerformanceProfile.Of(Times);

        Assert.Multiple(() =>
        {
            Assert.That(p.Taus, Has.Count.EqualTo(100));
            Assert.That(p.Taus[0], Is.EqualTo(1));
            Assert.That(p.Taus[33], Is.EqualTo(2).Within(1e-15));
            Assert.That(p.Taus[^1], Is.EqualTo(4));
            Assert.That(p["c"].Rho[8], Is.Zero, "τ_8 = 1.2424 < 1.25");
            Assert.That(p["c"].Rho[9], Is.EqualTo(1.0 / 3), "τ_9 = 1.2727 ≥ 1.25");
        });
    }

    [Test]
    public void Scores_are_the_normalized_areas_by_trapezoids_as_AlgoPerf_and_exactly()
    {
        var p = PerformanceProfile.Of(Times);

        // Exact: each workload with ratio r ≤ 4 adds (4 − r) / 3, averaged over 3 workloads.
        //   a: (3 + 2.25 + 3) / 9 = 11/12;  b: (1.5 + 3 + 0) / 9 = 1/2;  c: (0 + 0.5 + 2.75) / 9 = 13/36.
        // Trapezoids on τ_j = 1 + j/33 (j = 0..99): a step at r first counted at grid index j adds (99.5 − j) / 99,
        // j = 0 adds 1. r = 1.75 → j = 25 → 74.5/99; r = 2.5 → j = 50 → 49.5/99; r = 3.5 → j = 83 → 16.5/99; r = 1.25 → j = 9 → 90.5/99.
        //   a: (1 + 74.5/99 + 1) / 3 = 272.5/297;  b: (49.5/99 + 1) / 3 = 1/2;  c: (16.5/99 + 90.5/99) / 3 = 107/297.
        Assert.Multiple(() =>
        {
            Assert.That(p["a"].ExactScore, Is.EqualTo(11.0 / 12).Within(1e-15));
            Assert.That(p["b"].ExactScore, Is.EqualTo(0.5).Within(1e-15));
            Assert.That(p["c"].ExactScore, Is.EqualTo(13.0 / 36).Within(1e-15));
            // 99 trapezoids of width 3/99 in floating point: 1e-12 leaves room for their rounding.
            Assert.That(p["a"].Score, Is.EqualTo(272.5 / 297).Within(1e-12));
            Assert.That(p["b"].Score, Is.EqualTo(0.5).Within(1e-12));
            Assert.That(p["c"].Score, Is.EqualTo(107.0 / 297).Within(1e-12));
        });
    }

    [Test]
    public void A_workload_no_optimizer_solved_gives_every_ratio_infinite_and_counts_against_all()
    {
        var times = new Dictionary<string, IReadOnlyDictionary<string, double>>(Times)
        {
            ["w4"] = new Dictionary<string, double> { ["a"] = Inf, ["b"] = Inf, ["c"] = Inf },
        };

        var p = PerformanceProfile.Of(times, tauMax: 2, points: 3);

        Assert.Multiple(() =>
        {
            Assert.That(p.Ratios["w4"].Values, Is.All.EqualTo(Inf));
            Assert.That(p.Taus, Is.EqualTo(new[] { 1, 1.5, 2 }));
            Assert.That(p["a"].Rho, Is.EqualTo(new[] { 0.5, 0.5, 0.75 }));
            // Trapezoids: (0.5 + 0.5)/2 · 0.5 + (0.5 + 0.75)/2 · 0.5 = 0.5625, over τ_max − 1 = 1. Exact: (1 + 0.25 + 1) / 1 / 4 = 0.5625.
            Assert.That(p["a"].Score, Is.EqualTo(0.5625));
            Assert.That(p["a"].ExactScore, Is.EqualTo(0.5625));
        });
    }

    [Test]
    public void A_log_grid_integrates_over_log10_tau()
    {
        var p = PerformanceProfile.Of(Times, tauMax: 10, points: 3, scale: ProfileScale.Log);

        Assert.Multiple(() =>
        {
            Assert.That(p.Taus[0], Is.EqualTo(1));
            Assert.That(p.Taus[1], Is.EqualTo(Math.Sqrt(10)).Within(1e-15));
            Assert.That(p.Taus[2], Is.EqualTo(10));
            // b: ρ = 1/3, 2/3, 2/3 at log10 τ = 0, 0.5, 1: area (1/3 + 2/3)/2 · 0.5 + (2/3) · 0.5 = 7/12 over a range of 1.
            Assert.That(p["b"].Score, Is.EqualTo(7.0 / 12).Within(1e-15));
            // Exact: ((1 − log10 2.5) + 1 + 0) / 3.
            Assert.That(p["b"].ExactScore, Is.EqualTo((2 - Math.Log10(2.5)) / 3).Within(1e-15));
        });
    }

    private static IEnumerable<TestCaseData> BadInputs()
    {
        yield return new TestCaseData((Action)(() => PerformanceProfile.Of(Times, tauMax: 0.5)), "Invalid tauMax = 0.5");
        yield return new TestCaseData((Action)(() => PerformanceProfile.Of(Times, tauMax: 1)), "Invalid tauMax = 1");
        yield return new TestCaseData((Action)(() => PerformanceProfile.Of(Times, tauMax: double.NaN)), "Invalid tauMax = NaN");
        yield return new TestCaseData((Action)(() => PerformanceProfile.Of(Times, points: 1)), "Invalid points = 1");
        yield return new TestCaseData((Action)(() => PerformanceProfile.Of(new Dictionary<string, IReadOnlyDictionary<string, double>>())), "times is empty");
        yield return new TestCaseData(
            (Action)(() => PerformanceProfile.Of(new Dictionary<string, IReadOnlyDictionary<string, double>> { ["w1"] = new Dictionary<string, double> { ["a"] = 1, ["b"] = 2 }, ["w2"] = new Dictionary<string, double> { ["a"] = 1 } })),
            "times['w2'] has no time for optimizer 'b'");
        yield return new TestCaseData(
            (Action)(() => PerformanceProfile.Of(new Dictionary<string, IReadOnlyDictionary<string, double>> { ["w1"] = new Dictionary<string, double> { ["a"] = 1 }, ["w2"] = new Dictionary<string, double> { ["a"] = 1, ["z"] = 1 } })),
            "times['w2'] has optimizer 'z' that times['w1'] lacks");
        yield return new TestCaseData(
            (Action)(() => PerformanceProfile.Of(new Dictionary<string, IReadOnlyDictionary<string, double>> { ["w1"] = new Dictionary<string, double> { ["a"] = 0 } })),
            "times['w1']['a'] is 0");
        yield return new TestCaseData(
            (Action)(() => PerformanceProfile.Of(new Dictionary<string, IReadOnlyDictionary<string, double>> { ["w1"] = new Dictionary<string, double> { ["a"] = double.NaN } })),
            "times['w1']['a'] is NaN");
        yield return new TestCaseData((Action)(() => PerformanceProfile.Of(Times).RhoAt("zz", 1)), "Unknown optimizer 'zz'");
    }

    [TestCaseSource(nameof(BadInputs))]
    public void Bad_inputs_are_refused_with_a_message_naming_the_value(Action call, string message) =>
        Assert.That(Assert.Catch<ArgumentException>(() => call())!.Message, Does.Contain(message));
}
