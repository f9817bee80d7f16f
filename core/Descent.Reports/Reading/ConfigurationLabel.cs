using Descent.Tracking.Model;
using Descent.Tracking.Trials;

namespace Descent.Reports.Reading;

/// <summary>
/// The configuration a run belongs to: the sweep's label (<c>descent.configuration</c>), or for a run made
/// outside a sweep the optimizer and its hyperparameters as the sweep would write them (<c>sgd lr=0.1</c>).
/// </summary>
public static class ConfigurationLabel
{
    /// <summary>The tag holding a sweep child's configuration.</summary>
    public const string Tag = "descent.configuration";

    /// <summary>The run's configuration label.</summary>
    public static string Of(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Tag(Tag) is { Length: > 0 } label)
        {
            return label;
        }

        string optimizer = run.Params.GetValueOrDefault("optimizer") ?? run.Info.RunName;
        var settings = Hyperparameters(run.Params).Select(h => $"{h.Key}={h.Value}");
        return string.Join(" ", settings.Prepend(optimizer));
    }

    /// <summary>The optimizer's hyperparameters among a run's params (the rest are Descent's own, the objective's or the dataset's), by name.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Hyperparameters(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters
            .Where(p => p.Key != "optimizer.version" && !TrialRecords.ReservedParams.Contains(p.Key) &&
                        !p.Key.StartsWith("objective.", StringComparison.Ordinal) && !p.Key.StartsWith("dataset.", StringComparison.Ordinal))
            .Select(p => new KeyValuePair<string, string>(p.Key.StartsWith("optimizer.", StringComparison.Ordinal) ? p.Key["optimizer.".Length..] : p.Key, p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
    }
}
