using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Sweeps.Files;

namespace Descent.Sweeps.Expansion;

/// <summary>
/// Where in an experiment file a problem the plugins find with one of its trials belongs, read from the
/// problem's subject (plugin, hyperparameter, training setting), never from its message.
/// </summary>
public static class ProblemLocation
{
    /// <summary>The line of the value, entry or section the problem is about.</summary>
    /// <param name="problem">What the trial's check found.</param>
    /// <param name="file">The experiment file.</param>
    /// <param name="entry">The optimizer entry the trial comes from.</param>
    /// <param name="objective">The file's objective the trial runs on (null when the check came before choosing one).</param>
    /// <returns>The location, or null when the problem only follows from a setting the file's reading already rejected.</returns>
    public static SourceLocation? Of(ConfigurationProblem problem, ExperimentFile file, OptimizerEntry entry, ComponentSection? objective)
    {
        if (problem.Setting is { } setting)
        {
            var training = file.Training.Merge(entry.Training);
            return training.Rejected.Contains(setting) ? null : entry.Training?.Location ?? file.Training.Location;
        }

        return problem.Kind switch
        {
            PluginKind.Optimizer when problem.Hyperparameter is { } name && entry.Hyperparameters.TryGetValue(name, out var space) => space.Location,
            PluginKind.Objective => entry.Objective?.Location ?? objective?.Location ?? entry.Location,
            PluginKind.Dataset => entry.Dataset?.Location ?? file.Dataset?.Location ?? entry.Location,
            PluginKind.Schedule when problem.Hyperparameter is { } name && SweepExpander.Schedule(file, entry)?.Swept.GetValueOrDefault(name) is { } swept => swept.Location,
            PluginKind.Schedule => entry.Schedule?.Location ?? file.Schedule?.Location ?? entry.Location,
            _ => entry.Location,
        };
    }
}
