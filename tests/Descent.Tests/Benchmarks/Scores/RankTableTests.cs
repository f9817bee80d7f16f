using Descent.Benchmarks.Scores;

namespace Descent.Tests.Benchmarks.Scores;

/// <summary>Ranks per workload (time, then validation, average ranks for ties) and over workloads, on a hand-ranked table.</summary>
public sealed class RankTableTests
{
    private const double Inf = double.PositiveInfinity;

    // Hand-ranked:
    //   w1 (loss):     a 100 steps, b 200, d and c missed: d's loss 0.35 beats c's 0.40 → a 1, b 2, d 3, c 4.
    //   w2 (accuracy): a, b, c all 300 steps, so validation decides: b and c 0.93 tie above a 0.91 → b 1.5, c 1.5, a 3;
    //                  d missed (and diverged) → 4.
    //   w3 (loss):     c 50 steps → 1; a and b missed and diverged (NaN, NaN) tie → 2.5 each; d did not run.
    // Overall: a (1 + 3 + 2.5)/3 = 6.5/3, b (2 + 1.5 + 2.5)/3 = 2, c (4 + 1.5 + 1)/3 = 6.5/3, d (3 + 4)/2 = 3.5.
    private static readonly WorkloadResults[] Table =
    [
        new("w1", Goal.Minimize, [new("a", 100, 0.30), new("b", 200, 0.25), new("c", Inf, 0.40), new("d", Inf, 0.35)]),
        new("w2", Goal.Maximize, [new("a", 300, 0.91), new("b", 300, 0.93), new("c", 300, 0.93), new("d", Inf, double.NaN)]),
        new("w3", Goal.Minimize, [new("a", Inf, double.NaN), new("b", Inf, double.NaN), new("c", 50, 0.20)]),
    ];

    [Test]
    public void Each_workload_ranks_by_time_then_validation_with_average_ranks_for_ties()
    {
        var table = RankTable.Of(Table);

        Assert.Multiple(() =>
        {
            Assert.That(table.Workloads.Select(w => w.Workload), Is.EqualTo(new[] { "w1", "w2", "w3" }));
            Assert.That(table.Workloads[0].Ranks, Is.EqualTo(new OptimizerRank[] { new("a", 1), new("b", 2), new("d", 3), new("c", 4) }));
            Assert.That(table.Workloads[1].Ranks, Is.EqualTo(new OptimizerRank[] { new("b", 1.5), new("c", 1.5), new("a", 3), new("d", 4) }));
            Assert.That(table.Workloads[2].Ranks, Is.EqualTo(new OptimizerRank[] { new("c", 1), new("a", 2.5), new("b", 2.5) }));
        });
    }

    [Test]
    public void Overall_is_the_mean_rank_where_each_ran_with_outright_wins_sorted_by_mean_then_name()
    {
        var table = RankTable.Of(Table);

        Assert.That(table.Overall, Is.EqualTo(new OverallRank[]
        {
            new("b", 2, 3, 0),
            new("a", 6.5 / 3, 3, 1),
            new("c", 6.5 / 3, 3, 1),
            new("d", 3.5, 2, 0),
        }));
    }

    [Test]
    public void A_tie_on_time_is_broken_by_validation_in_the_goals_direction()
    {
        // Same steps to target; the loss 0.30 beats 0.32 when minimizing, and loses when the metric is maximized.
        OptimizerResult[] results = [new("x", 40, 0.32), new("y", 40, 0.30), new("z", 20, 0.50)];

        var minimizing = RankTable.Of([new WorkloadResults("w", Goal.Minimize, results)]);
        var maximizing = RankTable.Of([new WorkloadResults("w", Goal.Maximize, results)]);

        Assert.Multiple(() =>
        {
            Assert.That(minimizing.Workloads[0].Ranks, Is.EqualTo(new OptimizerRank[] { new("z", 1), new("y", 2), new("x", 3) }));
            Assert.That(maximizing.Workloads[0].Ranks, Is.EqualTo(new OptimizerRank[] { new("z", 1), new("x", 2), new("y", 3) }));
        });
    }

    [Test]
    public void Exact_ties_share_the_mean_of_their_places_as_scipy_rankdata_average()
    {
        // scipy.stats.rankdata([7, 7, 7, 7, 9], method='average') = [2.5, 2.5, 2.5, 2.5, 5].
        var table = RankTable.Of([new WorkloadResults("w", Goal.Minimize,
        [
            new("p", 7, 0.1), new("q", 7, 0.1), new("r", 9, 0.1), new("s", 7, 0.1), new("t", 7, 0.1),
        ])]);

        Assert.Multiple(() =>
        {
            Assert.That(table.Workloads[0].Ranks.Select(r => r.Rank), Is.EqualTo(new[] { 2.5, 2.5, 2.5, 2.5, 5 }));
            Assert.That(table.Workloads[0].Ranks.Select(r => r.Optimizer), Is.EqualTo(new[] { "p", "q", "s", "t", "r" }), "ties listed by name");
            Assert.That(table.Overall.Sum(o => o.Wins), Is.EqualTo(0), "a tie for first is no outright win");
        });
    }

    [Test]
    public void Bad_tables_are_refused_naming_the_entry()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => RankTable.Of([]))!.Message, Does.Contain("workloads is empty"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => RankTable.Of([new("w", Goal.Minimize, [new("a", 1, 0), new("a", 2, 0)])]))!.Message,
                Does.Contain("workloads[0] ('w').Optimizers[1] repeats optimizer 'a'"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => RankTable.Of([new("w", Goal.Minimize, [new("a", -1, 0)])]))!.Message,
                Does.Contain("('a') has TimeToTarget = -1"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => RankTable.Of([new("w", Goal.Minimize, [new("a", double.NaN, 0)])]))!.Message,
                Does.Contain("TimeToTarget = NaN: give a time ≥ 0, or +∞ for a missed target"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => RankTable.Of([new("w", Goal.Minimize, [new("a", 1, 0)]), new("w", Goal.Minimize, [new("a", 1, 0)])]))!.Message,
                Does.Contain("workloads[1] repeats workload 'w'"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => RankTable.Of([new("w", Goal.Minimize, [])]))!.Message,
                Does.Contain("('w') has no optimizers"));
        });
    }
}
