using Descent.Contracts;
using Descent.Engine.Plugins;
using Descent.Engine.Targets;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Runs.Trials;
using Descent.Tests.Support;
using Descent.Tracking;
using Descent.Tracking.FileStore;

namespace Descent.Tests.Runs;

/// <summary>
/// Trial → run → trial over every bundled plugin: a trial recorded in a real FileStore run and read back
/// through <see cref="TrialRunLayout"/> resolves to the same trial (the same identity hash, which covers
/// every plugin id, version, option, training setting, seed and dtype), so writing and reading agree.
/// </summary>
public sealed class TrialRunLayoutRoundTripTests
{
    private static readonly string[] Datasets = TestEngine.Catalog.OfKind(PluginKind.Dataset).Select(p => p.Id).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every optimizer on an analytic objective, every analytic objective with sgd, every data objective on every dataset.</summary>
    public static IEnumerable<TestCaseData> Trials()
    {
        var objectives = TestEngine.Catalog.OfKind(PluginKind.Objective).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        var analytic = objectives.Where(o => !RequiresDataset(o)).ToArray();
        foreach (var optimizer in TestEngine.Catalog.OfKind(PluginKind.Optimizer).Select(p => p.Id).Order(StringComparer.Ordinal))
        {
            yield return new TestCaseData(Analytic(optimizer, "quadratic2d")).SetArgDisplayNames($"{optimizer} on quadratic2d");
        }

        foreach (var objective in analytic)
        {
            yield return new TestCaseData(Analytic("sgd", objective.Id)).SetArgDisplayNames($"sgd on {objective.Id}");
        }

        foreach (var schedule in TestEngine.Catalog.OfKind(PluginKind.Schedule).Select(p => p.Id).Order(StringComparer.Ordinal))
        {
            var spec = Analytic("adam", "quadratic2d") with { Schedule = schedule, ScheduleArgs = new Dictionary<string, string> { ["interval"] = "epoch" } };
            yield return new TestCaseData(spec).SetArgDisplayNames($"adam under {schedule}");
        }

        foreach (var objective in objectives.Where(RequiresDataset))
        {
            foreach (string dataset in Datasets)
            {
                var spec = new TrialSpec
                {
                    Optimizer = "adam",
                    Hyperparameters = new Dictionary<string, string> { ["lr"] = "0.003", ["betas"] = "0.8,0.95" },
                    Objective = objective.Id,
                    Dataset = dataset,
                    DatasetArgs = dataset == "csv" ? new Dictionary<string, string> { ["path"] = "runs/measurements.csv", ["target"] = "y", ["rows"] = "9" } : new Dictionary<string, string>(),
                    Training = new TrainingSettings(Epochs: 3, BatchSize: 17, RecordEvery: 5, Autograd: true),
                    Seed = 42,
                    DType = "float32",
                };
                yield return new TestCaseData(spec).SetArgDisplayNames($"adam, {objective.Id} on {dataset}");
            }
        }

        var classification = new TrialSpec
        {
            Optimizer = "adam",
            Objective = "logistic-regression",
            Dataset = "mnist",
            Training = new TrainingSettings(Epochs: 2, BatchSize: 128) { EvalEvery = 1000 },
        };
        // A third in binary has no short decimal form: the value must come back bit for bit for a stopping target's identity.
        yield return new TestCaseData(classification with { Target = new TrialTarget("valid/accuracy", 1.0 / 3.0, TargetMode.Max, Stop: true) })
            .SetArgDisplayNames("a target that stops");
        yield return new TestCaseData(classification with { Target = new TrialTarget("valid/accuracy", 0.9, TargetMode.Min) })
            .SetArgDisplayNames("a target that measures, its mode given");
    }

    [Test]
    public void The_cases_cover_every_bundled_plugin()
    {
        var covered = Trials().Select(c => (TrialSpec)c.Arguments[0]!).SelectMany(s => new[] { s.Optimizer, s.Objective, s.Dataset, s.Schedule }).OfType<string>().ToHashSet();
        Assert.That(covered, Is.SupersetOf(TestEngine.Catalog.Plugins.Select(p => p.Id)));
    }

    [TestCaseSource(nameof(Trials))]
    public async Task A_trial_recorded_in_a_run_reads_back_as_the_same_trial(TrialSpec spec)
    {
        using var temp = new ScratchDirectory();
        var trial = TrialResolver.Resolve(spec, TestEngine.Catalog);
        using var session = new TrackingSession(new FileTrackingStore(temp.Path), "round-trip");
        var tracker = session.StartTrial(trial);
        var outcome = await tracker.FailAsync("not run: the mapping alone is under test");

        var run = await session.Store.GetRunAsync(outcome.RunId);
        var read = TrialRunLayout.ReadSpec(run.Params);
        var again = TrialResolver.Resolve(read with { Device = trial.Device }, TestEngine.Catalog);
        Assert.Multiple(() =>
        {
            Assert.That(TrialIdentity.CanonicalJson(again), Is.EqualTo(TrialIdentity.CanonicalJson(trial)));
            Assert.That(TrialIdentity.Hash(again), Is.EqualTo(run.Tag(RunKeys.Tags.TrialHash)));
            Assert.That(run.Info.RunName, Is.EqualTo(TrialRunLayout.RunName(trial)));
            Assert.That(TrialRunLayout.ReadStatus(run), Is.EqualTo(TrialStatus.Failed));
            Assert.That(TrialRunLayout.ReadOptimizer(run.Params), Is.EqualTo(trial.Optimizer.Id));
            Assert.That(TrialRunLayout.ReadHyperparameters(run.Params), Is.EqualTo(trial.Optimizer.Options.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToArray()));
            Assert.That(TrialRunLayout.ReadObjectiveArgs(run.Params), Is.EquivalentTo(trial.Objective.Options.Values));
            Assert.That(TrialRunLayout.ReadSeed(run.Params), Is.EqualTo(trial.Seed));
            Assert.That(run.Tag(RunKeys.Tags.Device), Is.EqualTo(trial.Device));
            Assert.That(read.Target, Is.EqualTo(spec.Target));
        });
    }

    private static TrialSpec Analytic(string optimizer, string objective) => new()
    {
        Optimizer = optimizer,
        Objective = objective,
        Training = new TrainingSettings(Steps: 7),
        Seed = 3,
        DType = "float64",
    };

    private static bool RequiresDataset(LoadedPlugin objective) => objective.Instance is IObjectivePlugin { RequiresDataset: true };
}
