using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Files;
using Descent.Benchmarks.Reading;
using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Runs.Files;
using Descent.Tests.Benchmarks;
using Descent.Tests.Support;

namespace Descent.Tests.Quadratic;

/// <summary>
/// The training clock at each evaluation (<see cref="Evaluation.TrainSeconds"/>) of a real evaluated trial (noisy quadratic,
/// 2 epochs of 1,000 rows, evaluated every 250 samples): 0 before the first step, rising with training, shared by the
/// splits of one evaluation, below the trial's wall time; in result.json and in the curve a benchmark scores.
/// </summary>
public sealed class TrainClockTests
{
    private static readonly TrialSpec Spec = QuadraticProbe.Spec("sgd", ("hp.lr", "0.01")) with
    {
        Training = new TrainingSettings(Epochs: 2, BatchSize: 100) { EvalEvery = 250 },
    };

    [Test]
    public void The_clock_starts_at_zero_rises_with_each_evaluation_and_stays_below_the_wall_time()
    {
        var result = TestEngine.Run(Spec);

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), result.Error);
        var byTime = result.Evaluations.GroupBy(e => e.Samples).ToArray();
        // 250 does not divide the 100-sample steps: the evaluations fall after the step that crosses each multiple, and at the end.
        Assert.That(byTime.Select(g => g.Key), Is.EqualTo(new long[] { 0, 300, 500, 800, 1000, 1300, 1500, 1800, 2000 }));
        Assert.That(byTime.Select(g => g.Select(e => e.TrainSeconds).Distinct().Count()), Has.All.EqualTo(1), "the splits of one evaluation share its time point");
        double[] clock = byTime.Select(g => g.First().TrainSeconds).ToArray();
        TestContext.Out.WriteLine($"train_seconds: {string.Join(", ", clock)}; wall {result.WallSeconds}, evaluating {result.EvaluationSeconds}");
        Assert.That(clock[0], Is.EqualTo(0.0), "nothing trained before the first step: set-up is not training");
        for (int i = 1; i < clock.Length; i++)
        {
            Assert.That(clock[i], Is.GreaterThan(clock[i - 1]), $"the clock at {byTime[i].Key} samples; steps in between took time");
        }

        Assert.That(clock[^1], Is.LessThan(result.WallSeconds), "the wall time adds set-up and what follows the last evaluation");
    }

    [Test]
    public void A_rerun_evaluates_equal_though_its_clock_differs()
    {
        var a = TestEngine.Run(Spec);
        var b = TestEngine.Run(Spec);

        Assert.That(b.Evaluations, Is.EqualTo(a.Evaluations));
        Assert.That(b.Evaluations.Select(e => e.TrainSeconds), Is.Not.EqualTo(a.Evaluations.Select(e => e.TrainSeconds)), "two runs never take the same nanoseconds");
    }

    [Test]
    public void Result_json_has_the_clock_of_each_evaluation()
    {
        var trial = TrialResolver.Resolve(Spec, TestEngine.Catalog);
        var result = TestEngine.Run(Spec);

        var report = TrialReport.From(trial, result);
        using var json = System.Text.Json.JsonDocument.Parse(Json.Write(report));

        var entries = json.RootElement.GetProperty("evaluations").EnumerateArray().ToArray();
        Assert.That(entries.Select(e => e.GetProperty("train_seconds").GetDouble()), Is.EqualTo(result.Evaluations.Select(e => e.TrainSeconds)));
        Assert.That(entries.Select(e => e.GetProperty("samples").GetInt64()), Is.EqualTo(result.Evaluations.Select(e => e.Samples)));
    }

    [Test]
    public void The_curve_of_an_untracked_result_times_each_evaluation_by_its_clock()
    {
        var result = TestEngine.Run(Spec);
        var trial = BenchmarkTrialFor(new MetricTarget("valid/loss", Maximize: false, 0.1));

        var curve = RunCurves.FromResult(trial, result);

        var clock = result.Evaluations.Where(e => e.Split == SplitNames.Valid).Select(e => new MetricPoint(e.Samples, e.TrainSeconds)).ToArray();
        Assert.That(curve.TrainSeconds, Is.EqualTo(clock), "one point per evaluation time point");
        Assert.That(curve.Selection.Select(p => p.Step), Is.EqualTo(clock.Select(p => p.Step)));
        foreach (var point in clock)
        {
            Assert.That(curve.SecondsAt(point.Step, out bool estimated), Is.EqualTo(point.Value));
            Assert.That(estimated, Is.False);
        }
    }

    private static BenchmarkTrial BenchmarkTrialFor(MetricTarget target)
    {
        var plan = BenchmarkExpander.Expand(BenchmarkFileParser.Parse("bench.yaml", BenchmarkFiles.Text()), TestEngine.Catalog);
        var trial = plan.Tuning[0];
        return trial with { Cell = trial.Cell with { Workload = trial.Cell.Workload with { Target = target, TestMetric = "test/loss" } } };
    }
}
