using Descent.Contracts;
using Descent.Engine.Trials;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Engine.Composition;

/// <summary>
/// Checks that a trial's objective fits its dataset before the first step, and says so naming both plugins
/// and both shapes: a contract-1.0 objective (real-valued labels) on a classification dataset is refused
/// before the objective is created; an objective that finds the dataset unfit throws
/// <see cref="DataMismatchException"/>, which gets both plugins' ids here.
/// </summary>
public static class DataFit
{
    /// <summary>Creates the trial's objective through <paramref name="create"/>, checking the fit first.</summary>
    /// <exception cref="TrialSetupException">The objective does not fit the dataset.</exception>
    public static IObjective CreateObjective(ResolvedTrial trial, IServiceProvider services, Func<ResolvedComponent, IObjective> create)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        var dataset = trial.Dataset is null ? null : services.GetRequiredService<IDataset>();
        bool evaluated = typeof(IEvaluatedObjective).IsAssignableFrom(trial.Objective.Plugin.Instance.ImplementationType);
        if (dataset is ISplitDataset { Description.Task: DatasetTask.Classification } && !evaluated)
        {
            throw new TrialSetupException(
                $"objective '{trial.Objective.Id}' does not fit dataset '{trial.Dataset!.Id}': the objective is a regression objective " +
                $"(real-valued labels, {dataset.Info.FeatureCount} input features), but the dataset gives {Describe(dataset)}; " +
                "use a classification objective (logistic-regression, mlp-classifier, cnn-2c2d) or a regression dataset");
        }

        try
        {
            return create(trial.Objective);
        }
        catch (DataMismatchException e)
        {
            throw new TrialSetupException(
                $"objective '{trial.Objective.Id}' does not fit dataset '{trial.Dataset?.Id ?? "(none)"}': the objective expects {e.Expected}, " +
                $"but the dataset gives {e.Actual}",
                e);
        }
    }

    /// <summary>A dataset's task and shape in words: <c>classification with 10 classes, inputs [1, 28, 28]</c>.</summary>
    public static string Describe(IDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset is ISplitDataset { Description: var d }
            ? d.Task == DatasetTask.Classification
                ? $"classification with {d.Classes} classes, inputs {d.InputShapeText}"
                : $"regression, inputs {d.InputShapeText}"
            : $"regression, inputs [{dataset.Info.FeatureCount}]";
    }
}
