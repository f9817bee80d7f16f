using Descent.Benchmarks.Files;
using Descent.Engine.Plugins;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;

namespace Descent.Benchmarks.Expansion;

/// <summary>
/// Turns a benchmark file into its tuning trials: for every workload, optimizer and study, the study's
/// configurations drawn from the optimizer's search space (the sweep expander's random or quasi-random search,
/// seeded by the study), trained with the study's seed. A trial depends on the file, the study and its number
/// alone; the file's problems and the plugins' are reported together, each at its line.
/// </summary>
public static class BenchmarkExpander
{
    /// <summary>The plan.</summary>
    /// <exception cref="ExperimentFileException">Every problem of the file and of its trials against the plugins.</exception>
    public static BenchmarkPlan Expand(BenchmarkFile file, PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<ExperimentError>(file.Problems);
        var cells = new List<BenchmarkCell>();
        var tuning = new List<BenchmarkTrial>();
        foreach (var workload in file.Workloads)
        {
            foreach (var optimizer in file.Optimizers)
            {
                var cell = new BenchmarkCell(workload, optimizer);
                cells.Add(cell);
                for (int study = 0; study < file.Protocol.Studies; study++)
                {
                    SweepPlan studyPlan;
                    try
                    {
                        studyPlan = SweepExpander.Expand(StudyFile(file, workload, optimizer, study), catalog);
                    }
                    catch (ExperimentFileException problem)
                    {
                        errors.AddRange(problem.Errors.Where(e => !errors.Contains(e)));
                        break; // every study of the cell would repeat the same problems
                    }

                    foreach (var trial in studyPlan.Trials)
                    {
                        var sweepTrial = new SweepTrial(tuning.Count, $"{workload.Name} / {trial.Configuration}", trial.Trial, trial.Identity)
                        {
                            Group = cell.Group,
                            Tags = TrialTags(study, trial.Index, rerun: false),
                            Timeout = trial.Timeout,
                        };
                        tuning.Add(new BenchmarkTrial(sweepTrial, cell, study, trial.Index, Rerun: false));
                    }
                }
            }
        }

        foreach (var repeated in tuning.GroupBy(t => t.Sweep.Identity).Where(g => g.Select(t => t.Cell).Distinct().Count() > 1))
        {
            var cellsOfIt = repeated.Select(t => t.Cell).Distinct().ToArray();
            errors.Add(new ExperimentError(cellsOfIt[1].Optimizer.Location,
                $"optimizers '{cellsOfIt[0].OptimizerName}' and '{cellsOfIt[1].OptimizerName}' give the same trials on workload '{cellsOfIt[0].Workload.Name}'; remove the repeated entry or change its search space"));
        }

        if (errors.Count > 0)
        {
            throw new ExperimentFileException(errors.Distinct().OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToArray());
        }

        return new BenchmarkPlan(file, cells, tuning);
    }

    /// <summary>The tags of a benchmark trial's run: its study, its number within the study, and its phase.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> TrialTags(int study, int number, bool rerun) =>
    [
        new(BenchmarkTrial.StudyTag, study.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(BenchmarkTrial.NumberTag, number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(BenchmarkTrial.PhaseTag, rerun ? "rerun" : "tune"),
    ];

    /// <summary>One study of one cell, as an experiment file the sweep expander expands: the study's draws, trained with its seed.</summary>
    private static ExperimentFile StudyFile(BenchmarkFile file, Workload workload, OptimizerEntry optimizer, int study) => new(
        file.Path,
        file.Text,
        file.Name,
        file.Description,
        [workload.Objective],
        workload.Dataset,
        workload.Training,
        [StudySeeds.Training(file.Seed, study)],
        new SearchSection(Mode(file.Protocol.Search), file.Protocol.TrialsPerStudy, StudySeeds.Search(file.Seed, study), workload.Location),
        [optimizer]);

    /// <summary>The sweep expander's search mode for a benchmark's search.</summary>
    internal static SearchMode Mode(BenchmarkSearch search) => search switch
    {
        BenchmarkSearch.Random => SearchMode.Random,
        BenchmarkSearch.Quasirandom => SearchMode.Quasirandom,
        _ => throw new ArgumentOutOfRangeException(nameof(search), search, "unknown search"),
    };
}
