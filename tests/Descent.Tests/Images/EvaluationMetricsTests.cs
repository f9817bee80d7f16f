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
