using System.Text.Json;
using Descent.Runs;
using Descent.Tests.Support;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;

namespace Descent.Tests.Sweeps;

/// <summary>
/// What a tracked sweep leaves in the store: each child carries the same records as a single trial's run
/// (result.json, history.csv, trial.json, the trajectory picture; no loss picture, which MLflow draws from
/// the metrics), and the parent logs the sweep's summary as metrics.
/// </summary>
public sealed class SweepRunRecordsTests
{
    [Test]
    public async Task Children_carry_the_trials_files_and_the_parent_logs_the_best_final_loss_and_counts_by_status()
    {
        using var scratch = new ScratchDirectory();
        string file = scratch.File("records.yaml");
        File.WriteAllText(file, """
            name: records
            objective: { id: quadratic2d }
            training: { steps: 20, dtype: float64 }
            optimizers:
              - id: sgd
                hyperparameters: { lr: [0.1, 0.3, 1.0e10] }
            """);
        string store = scratch.File("mlruns");

        CliRun.Of("sweep", file, "--tracking-uri", store, "--parallel", "2", "--json");

        var runs = SweepStore.Runs(store, "records");
        var children = SweepStore.Trials(store, "records");
        var parent = runs.Single(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.SweepKind);
        using var files = new FileTrackingStore(store);
        var finalLosses = children.Where(r => r.Tag(RunKeys.Tags.Status) == "finished").Select(r => r.LatestMetrics[RunKeys.Metrics.FinalLoss].Value).ToArray();
        Assert.Multiple(async () =>
        {
            Assert.That(children, Has.Count.EqualTo(3));
            Assert.That(children.Select(r => r.Tag(RunKeys.Tags.Status)), Is.EquivalentTo(new[] { "finished", "finished", "diverged" }), "lr = 1e10 overflows on quadratic2d within 20 steps (x2 grows by 4e10 a step)");
            foreach (var child in children)
            {
                var artifacts = (await files.ListArtifactsAsync(child.Info)).Select(a => a.Path).ToArray();
                Assert.That(artifacts, Is.EquivalentTo(new[] { "result.json", "history.csv", "trial.json", "trajectory.png" }), child.Info.RunName);
                using var result = JsonDocument.Parse(File.ReadAllText(ArtifactFile(store, child, "result.json")));
                Assert.That(result.RootElement.GetProperty("status").GetString(), Is.EqualTo(child.Tag(RunKeys.Tags.Status)), child.Info.RunName);
                Assert.That(result.RootElement.GetProperty("seed").GetInt64(), Is.EqualTo(long.Parse(child.Params["seed"])), child.Info.RunName);
            }

            Assert.That(parent.LatestMetrics[RunKeys.Metrics.BestFinalLoss].Value, Is.EqualTo(finalLosses.Min()));
            Assert.That(parent.LatestMetrics["trials_finished"].Value, Is.EqualTo(2));
            Assert.That(parent.LatestMetrics["trials_diverged"].Value, Is.EqualTo(1));
            Assert.That(parent.LatestMetrics["trials_failed"].Value, Is.EqualTo(0));
            Assert.That(parent.LatestMetrics["trials_killed"].Value, Is.EqualTo(0));
            Assert.That(parent.LatestMetrics["trials_finished"].Step, Is.EqualTo(3));
        });
    }

    private static string ArtifactFile(string store, Run run, string path) =>
        Path.Combine(store, run.Info.ExperimentId, run.RunId, "artifacts", path);
}
