using Descent.Contracts;
using Descent.Engine.Trials;

namespace Descent.Engine.Targets;

/// <summary>
/// Finds where a trial first reached its target among its evaluations, and which metric names a trial records (what a
/// target may name). One definition for the training loop, the worker's coordinator and the checks.
/// </summary>
public static class TargetCrossing
{
    /// <summary>The metric an evaluation of <paramref name="split"/> records under <paramref name="name"/>: <c>SPLIT/NAME</c>.</summary>
    public static string MetricName(string split, string name) => $"{split}/{name}";

    /// <summary>The value of <paramref name="target"/>'s metric in <paramref name="evaluation"/>, or null when the evaluation does not record it.</summary>
    public static double? ValueOf(TrialTarget target, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (target.Metric == MetricName(evaluation.Split, "loss"))
        {
            return evaluation.Loss;
        }

        return target.Metric == MetricName(evaluation.Split, "accuracy") ? evaluation.Accuracy : null;
    }

    /// <summary>True when <paramref name="evaluation"/> records the target's metric at a value that reaches it.</summary>
    public static bool Reaches(TrialTarget target, Evaluation evaluation) =>
        ValueOf(target, evaluation) is { } value && target.IsReachedBy(value);

    /// <summary>The first of <paramref name="evaluations"/> (in order) that reaches <paramref name="target"/>, as a time to target; null when none does or there is no target.</summary>
    public static TimeToTarget? First(TrialTarget? target, IEnumerable<Evaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        if (target is null)
        {
            return null;
        }

        var first = evaluations.FirstOrDefault(e => Reaches(target, e));
        return first is null ? null : new TimeToTarget(first.Step, first.Samples, first.TrainSeconds);
    }

    /// <summary>
    /// The metric names an evaluated trial records (<see cref="EvaluatedLoop"/>): <c>train/loss</c>, then per evaluated split
    /// (<c>train_eval</c> and each held-out split with rows) <c>SPLIT/loss</c> and, when the objective reports one, <c>SPLIT/accuracy</c>.
    /// </summary>
    public static IReadOnlyList<string> RecordedMetrics(IEvaluatedObjective objective, ISplitDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(dataset);
        bool accuracy = objective.MetricNames.Contains("accuracy");
        var splits = new[] { SplitNames.TrainEval }.Concat(dataset.Splits.Where(s => s.Name != SplitNames.Train && s.Rows > 0).Select(s => s.Name));
        var names = new List<string> { MetricName(SplitNames.Train, "loss") };
        foreach (string split in splits)
        {
            names.Add(MetricName(split, "loss"));
            if (accuracy)
            {
                names.Add(MetricName(split, "accuracy"));
            }
        }

        return names;
    }

    /// <summary>
    /// Checks that the trial records its target's metric, before the first step.
    /// </summary>
    /// <exception cref="TrialSetupException">The metric is not one the trial records; the message names it and those it does.</exception>
    public static void Check(TrialTarget? target, IObjective objective, IDataset? dataset)
    {
        if (target is null)
        {
            return;
        }

        if (objective is not IEvaluatedObjective evaluated || dataset is not ISplitDataset splits)
        {
            throw new TrialSetupException(
                $"target metric '{target.Metric}' cannot be reached: this trial evaluates nothing (targets need an objective with metrics " +
                "on a dataset with splits, e.g. mlp-classifier on fashion-mnist); remove the target");
        }

        var recorded = RecordedMetrics(evaluated, splits);
        if (!recorded.Contains(target.Metric))
        {
            throw new TrialSetupException($"target metric '{target.Metric}' is not one this trial records; use one of: {string.Join(", ", recorded)}");
        }
    }
}
