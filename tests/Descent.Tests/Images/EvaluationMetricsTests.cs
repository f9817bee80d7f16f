using Descent.Engine.Trials;
using Descent.Runs.Files;
using Descent.Runs.Trials;

namespace Descent.Tests.Images;

/// <summary>How evaluations are named in MLflow and in <c>descent trial --json</c>.</summary>
public sealed class EvaluationMetricsTests
{
    [Test]
    public void An_evaluation_becomes_split_slash_metric_at_step_samples()
    {
        var metrics = TrialRunLayout.EvaluationMetrics(new Evaluation(47, 6000, 1, "valid", 0.53, 0.7968));
        var train = TrialRunLayout.EvaluationMetrics(new Evaluation(47, 6000, 1, "train", 1.23, null));

        Assert.That(metrics, Is.EqualTo(new[] { ("valid/loss", 0.53, 6000L), ("valid/accuracy", 0.7968, 6000L) }));
        Assert.That(train, Is.EqualTo(new[] { ("train/loss", 1.23, 6000L) }));
    }

    [Test]
    public void The_training_clock_becomes_train_seconds_at_step_samples()
    {
        var evaluation = new Evaluation(47, 6000, 1, "valid", 0.53, 0.7968) { TrainSeconds = 12.5 };

        Assert.That(TrialRunLayout.TrainClockMetric(evaluation), Is.EqualTo(("train_seconds", 12.5, 6000L)));
        Assert.That(TrialRunLayout.EvaluationMetrics(evaluation).Select(m => m.Key), Is.EqualTo(new[] { "valid/loss", "valid/accuracy" }), "the clock is not a split's metric");
    }

    [Test]
    public void Evaluations_equal_in_every_metric_are_equal_whatever_their_clocks()
    {
        var evaluation = new Evaluation(47, 6000, 1, "valid", 0.53, 0.7968) { TrainSeconds = 12.5 };
        var later = evaluation with { TrainSeconds = 12.75 };

        Assert.That(later, Is.EqualTo(evaluation));
        Assert.That(later.GetHashCode(), Is.EqualTo(evaluation.GetHashCode()));
        Assert.That(evaluation with { Loss = 0.54 }, Is.Not.EqualTo(evaluation));
        Assert.That(evaluation with { Accuracy = null }, Is.Not.EqualTo(evaluation));
        Assert.That(evaluation with { Loss = double.NaN }, Is.EqualTo(evaluation with { Loss = double.NaN, TrainSeconds = 0 }), "NaN equals NaN, as the record's own equality had it");
    }

    [Test]
    public void Final_holds_the_last_evaluation_of_each_split()
    {
        var result = new TrialResult(TrialStatus.Finished, 0.4, [], [], [], 2, 200, [], 1, null)
        {
            Evaluations =
            [
                new(0, 0, 0, "train_eval", 2.3, 0.1), new(0, 0, 0, "valid", 2.3, 0.1), new(0, 0, 0, "test", 2.3, 0.1),
                new(2, 200, 1, "train", 0.9, null), new(2, 200, 1, "train_eval", 0.4, 0.8), new(2, 200, 1, "valid", 0.5, 0.75), new(2, 200, 1, "test", 0.6, 0.7),
            ],
        };

        Assert.That(FinalMetrics.From(result), Is.EqualTo(new FinalMetrics(0.4, 0.5, 0.75, 0.6, 0.7)));
        Assert.That(FinalMetrics.From(result with { Evaluations = [] }), Is.Null);
    }
}
