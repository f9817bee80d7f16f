using Descent.Runs;
using Descent.Runs.Trials;
using Descent.Tracking.Model;

namespace Descent.Reports.Reading;

/// <summary>
/// The configuration a run belongs to: the sweep's label (<see cref="RunKeys.Tags.Configuration"/>), or for a run made
/// outside a sweep the optimizer and its hyperparameters as the sweep would write them (<c>sgd lr=0.1</c>).
/// </summary>
public static class ConfigurationLabel
{
    /// <summary>The run's configuration label.</summary>
    public static string Of(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Tag(RunKeys.Tags.Configuration) is { Length: > 0 } label)
        {
            return label;
        }

        string optimizer = TrialRunLayout.ReadOptimizer(run.Params) ?? run.Info.RunName;
        var settings = TrialRunLayout.ReadHyperparameters(run.Params).Select(h => $"{h.Key}={h.Value}");
        return string.Join(" ", settings.Prepend(optimizer));
    }
}
