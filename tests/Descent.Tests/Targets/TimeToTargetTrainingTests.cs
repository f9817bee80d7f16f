using Descent.Contracts;
using Descent.Engine.Plugins;
using Descent.Engine.Targets;
using Descent.Engine.Trials;
using Descent.Tests.Datasets;
using Descent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Tests.Targets;

/// <summary>
/// A target on a small classification trial (<see cref="SeparableImages"/>): the time to target is the first evaluation that
/// reaches it, as the trial's own evaluations list shows; a target that only measures changes neither the training nor the
/// identity; one that stops ends the trial FINISHED at that evaluation; a metric the trial does not record is refused before the first step.
/// </summary>
public sealed class TimeToTargetTrainingTests
{
    private TempDirectory data = null!;
    private ServiceProvider services = null!;
    private PluginCatalog catalog = null!;
    private TrialResult baseline = null!;

    [OneTimeSetUp]
    public void RunTheTrialWithoutTarget()
    {
        data = new TempDirectory();
        (catalog, services) = TestEngine.Build([PluginSearchPath.Bundled], new DataLocations([SeparableImages.Write(data.Path)], null, AllowDownload: false));
        baseline = Run(SeparableImages.Spec());
        Assert.That(baseline.Status, Is.EqualTo(TrialStatus.Finished), baseline.Error);
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        services.Dispose();
        data.Dispose();
    }

    [Test]
    public void The_time_to_target_is_the_first_evaluation_that_reaches_it_and_training_is_unchanged()
    {
        var (value, first) = MidwayTarget(SeparableImages.Valid(baseline).Select(e => e.Accuracy!.Value).ToArray(), reachedFromBelow: true);

        var result = Run(SeparableImages.Spec() with { Target = new TrialTarget("valid/accuracy", value, TargetMode.Max) });

        var valid = SeparableImages.Valid(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Evaluations, Is.EqualTo(baseline.Evaluations), "a target without stop changes no evaluation");
            Assert.That(result.FinalParamsSha256, Is.EqualTo(baseline.FinalParamsSha256));
            Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished));
            Assert.That(result.StoppedAtTarget, Is.False);
            Assert.That(result.TimeToTarget, Is.EqualTo(new TimeToTarget(valid[first].Step, valid[first].Samples, valid[first].TrainSeconds)));
            Assert.That(result.TimeToTarget!.Samples, Is.EqualTo(50L * first), "evaluations every 50 samples");
            Assert.That(result.TimeToTarget.Steps, Is.EqualTo(2L * first), "batch 25: two steps per evaluation");
            Assert.That(valid[first - 1].Accuracy, Is.LessThan(value));
            Assert.That(valid[first].Accuracy, Is.GreaterThanOrEqualTo(value));
        });
    }

    [Test]
    public void A_loss_target_is_reached_from_above()
    {
        var (value, first) = MidwayTarget(SeparableImages.Valid(baseline).Select(e => e.Loss).ToArray(), reachedFromBelow: false);

        var result = Run(SeparableImages.Spec() with { Target = TrialTarget.Parse($"valid/loss={value:R}", null, false, out _) });

        var valid = SeparableImages.Valid(result);
        Assert.That(result.TimeToTarget, Is.EqualTo(new TimeToTarget(valid[first].Step, valid[first].Samples, valid[first].TrainSeconds)));
        Assert.That(valid[first - 1].Loss, Is.GreaterThan(value));
    }

    [Test]
    public void A_target_with_stop_ends_the_trial_finished_at_that_evaluation()
    {
        var (value, first) = MidwayTarget(SeparableImages.Valid(baseline).Select(e => e.Accuracy!.Value).ToArray(), reachedFromBelow: true);

        var result = Run(SeparableImages.Spec() with { Target = new TrialTarget("valid/accuracy", value, TargetMode.Max, Stop: true) });

        var reached = SeparableImages.Valid(baseline)[first];
        int evaluated = baseline.Evaluations.TakeWhile(e => e.Samples <= reached.Samples).Count();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), result.Error);
            Assert.That(result.StoppedAtTarget, Is.True);
            Assert.That(result.Steps, Is.EqualTo(reached.Step));
            Assert.That(result.Samples, Is.EqualTo(reached.Samples));
            Assert.That(result.Evaluations, Is.EqualTo(baseline.Evaluations.Take(evaluated)), "the same evaluations, up to the one that reached the target");
            Assert.That(result.TimeToTarget!.Samples, Is.EqualTo(reached.Samples));
            Assert.That(result.EpochSeconds, Has.Count.EqualTo((int)(reached.Samples / 500)), "only whole epochs count");
        });
    }

    [Test]
    public void A_target_that_only_measures_keeps_the_identity_and_one_that_stops_joins_it()
    {
        var plain = TrialResolver.Resolve(SeparableImages.Spec(), catalog);
        var measured = TrialResolver.Resolve(SeparableImages.Spec() with { Target = new TrialTarget("valid/accuracy", 0.5, TargetMode.Max) }, catalog);
        var stopping = TrialResolver.Resolve(SeparableImages.Spec() with { Target = new TrialTarget("valid/accuracy", 0.5, TargetMode.Max, Stop: true) }, catalog);

        Assert.Multiple(() =>
        {
            Assert.That(TrialIdentity.CanonicalJson(measured), Is.EqualTo(TrialIdentity.CanonicalJson(plain)));
            Assert.That(TrialIdentity.CanonicalJson(plain), Does.Not.Contain("target"));
            Assert.That(TrialIdentity.CanonicalJson(stopping), Does.Contain("\"target\":{\"metric\":\"valid/accuracy\",\"value\":\"0.5\",\"mode\":\"max\"}"));
            Assert.That(TrialIdentity.Hash(stopping), Is.Not.EqualTo(TrialIdentity.Hash(plain)));
        });
    }

    [Test]
    public void A_metric_the_trial_does_not_record_is_refused_before_the_first_step_with_the_names_it_does()
    {
        var trial = TrialResolver.Resolve(SeparableImages.Spec() with { Target = new TrialTarget("valid/acuracy", 0.5, TargetMode.Max) }, catalog);

        var error = Assert.Throws<TrialSetupException>(() => services.GetRequiredService<TrialRunner>().Run(trial));

        Assert.That(error!.Message, Is.EqualTo(
            "target metric 'valid/acuracy' is not one this trial records; use one of: train/loss, train_eval/loss, train_eval/accuracy, " +
            "valid/loss, valid/accuracy, test/loss, test/accuracy"));
    }

    [Test]
    public void A_trial_that_evaluates_nothing_refuses_a_target()
    {
        var spec = TestEngine.Analytic("sgd", "quadratic2d", 5, "1,1", ("lr", "0.1")) with { Target = new TrialTarget("loss", 0.1, TargetMode.Min) };

        var error = Assert.Throws<TrialSetupException>(() => TestEngine.Run(spec));

        Assert.That(error!.Message, Is.EqualTo(
            "target metric 'loss' cannot be reached: this trial evaluates nothing (targets need an objective with metrics on a dataset " +
            "with splits, e.g. mlp-classifier on fashion-mnist); remove the target"));
    }

    /// <summary>
    /// A target halfway between the first evaluation's value and the best one, and the index of the first evaluation that reaches
    /// it; the set is made so that this lies strictly inside the trial (asserted).
    /// </summary>
    private static (double Value, int First) MidwayTarget(double[] values, bool reachedFromBelow)
    {
        double best = reachedFromBelow ? values.Max() : values.Min();
        double value = (values[0] + best) / 2;
        int first = Array.FindIndex(values, v => reachedFromBelow ? v >= value : v <= value);
        Assert.That(first, Is.InRange(1, values.Length - 2), $"the set should be learnt gradually: {string.Join(", ", values)}");
        return (value, first);
    }

    private TrialResult Run(TrialSpec spec) => services.GetRequiredService<TrialRunner>().Run(TrialResolver.Resolve(spec, catalog));
}
