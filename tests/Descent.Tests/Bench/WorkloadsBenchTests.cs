using Descent.Cli;
using Descent.Cli.Bench.Workloads;
using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Bench;

/// <summary>
/// <c>descent bench workloads</c>' arithmetic and bookkeeping: seconds per epoch leave out the warm-up epoch, the
/// ratios are Descent's over PyTorch's, the probe times only the warm evaluations and counts their images, and
/// out-of-range options are refused before anything runs.
/// </summary>
public sealed class WorkloadsBenchTests
{
    [Test]
    public void Seconds_per_epoch_are_the_mean_of_the_epochs_after_the_first_or_the_only_one()
    {
        Assert.That(new WorkloadMeasurement([9.0, 2.0, 4.0], 1, [1], null).SecondsPerEpoch, Is.EqualTo(3.0));
        Assert.That(new WorkloadMeasurement([5.0], 1, [1], null).SecondsPerEpoch, Is.EqualTo(5.0));
    }

    [Test]
    public void Figures_carry_both_sides_and_the_ratios_descent_over_pytorch()
    {
        var comparison = Rounds((new([9.0, 2.0, 4.0], 1500, [500, 510, 511, 511], [30, 31, 31, 31]), new([9.0, 6.0], 1000, [300, 340, 345], null)));

        var figures = Figures("mlp-classifier", 1, comparison);

        Assert.That(figures["mlp_classifier_1thread_seconds_per_epoch"], Is.EqualTo(3.0));
        Assert.That(figures["pytorch_mlp_classifier_1thread_seconds_per_epoch"], Is.EqualTo(6.0));
        Assert.That(figures["mlp_classifier_1thread_epoch_time_ratio_to_pytorch"], Is.EqualTo(0.5));
        Assert.That(figures["mlp_classifier_1thread_eval_speed_ratio_to_pytorch"], Is.EqualTo(1.5));
        Assert.That(figures["mlp_classifier_1thread_live_tensors_start"], Is.EqualTo(30));
        Assert.That(figures["mlp_classifier_1thread_live_tensors_after_epoch_3"], Is.EqualTo(31));
        Assert.That(figures["mlp_classifier_1thread_working_set_mb_after_epoch_1"], Is.EqualTo(510));
        Assert.That(figures["pytorch_mlp_classifier_1thread_working_set_mb_after_epoch_2"], Is.EqualTo(345));
        Assert.That(figures.Keys.Where(k => k.StartsWith("pytorch_", StringComparison.Ordinal) && k.Contains("live_tensors", StringComparison.Ordinal)), Is.Empty);
        Assert.That(figures.Keys.Where(k => k.Contains("_round", StringComparison.Ordinal)), Is.Empty, "one round: no per-round figures");
    }

    [Test]
    public void Several_rounds_give_each_rounds_ratio_and_their_median_not_the_ratio_of_medians()
    {
        // Per round, epoch ratios 0.5, 2.0 and 0.8 (median 0.8) and evaluation ratios 1.5, 0.25 and 1.0 (median 1.0);
        // the ratio of the sides' median evaluation speeds, 1500 / 1000, would be 1.5.
        var comparison = Rounds(
            (new([9.0, 2.0], 1500, [500, 510], [30, 31]), new([9.0, 4.0], 1000, [300, 340], null)),
            (new([9.0, 10.0], 250, [600, 610], [30, 31]), new([9.0, 5.0], 1000, [400, 440], null)),
            (new([9.0, 4.0], 2000, [700, 710], [30, 31]), new([9.0, 5.0], 2000, [500, 540], null)));

        var figures = Figures("cnn-2c2d", 2, comparison);

        Assert.That(figures["cnn_2c2d_2thread_epoch_time_ratio_to_pytorch"], Is.EqualTo(0.8));
        Assert.That(figures["cnn_2c2d_2thread_epoch_time_ratio_to_pytorch_round2"], Is.EqualTo(2.0));
        Assert.That(figures["cnn_2c2d_2thread_eval_speed_ratio_to_pytorch"], Is.EqualTo(1.0));
        Assert.That(figures["cnn_2c2d_2thread_eval_speed_ratio_to_pytorch_round1"], Is.EqualTo(1.5));
        Assert.That(figures["cnn_2c2d_2thread_eval_speed_ratio_to_pytorch_round2"], Is.EqualTo(0.25));
        Assert.That(figures["cnn_2c2d_2thread_seconds_per_epoch"], Is.EqualTo(4.0));
        Assert.That(figures["pytorch_cnn_2c2d_2thread_eval_images_per_second"], Is.EqualTo(1000));
        Assert.That(figures["cnn_2c2d_2thread_working_set_mb_after_epoch_1"], Is.EqualTo(510), "memory: the first round's");
    }

    [Test]
    public void The_table_shows_each_ratios_range_over_several_rounds()
    {
        var comparison = Rounds(
            (new([9.0, 2.0], 1500, [500, 510], [30, 31]), new([9.0, 4.0], 1000, [300, 340], null)),
            (new([9.0, 10.0], 250, [600, 610], [30, 31]), new([9.0, 5.0], 1000, [400, 440], null)));
        var writer = new StringWriter();

        WorkloadTable.Write(writer, new Dictionary<(string, int), WorkloadComparison> { [("mlp-classifier", 1)] = comparison }, "note");

        string text = writer.ToString();
        Assert.That(text, Does.Contain("medians of 2 rounds"));
        Assert.That(text, Does.Contain("1.25 [0.50-2.00]"), text);
        Assert.That(text, Does.Contain("0.88 [0.25-1.50]"), text);
    }

    [Test]
    public void Without_the_baseline_there_are_no_ratios()
    {
        var figures = Figures("mlp-classifier", 1, Rounds((new([9.0, 2.0], 1500, [500, 510], [30, 31]), null)));

        Assert.That(figures["mlp_classifier_1thread_seconds_per_epoch"], Is.EqualTo(2.0));
        Assert.That(figures.Keys.Where(k => k.Contains("pytorch", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void The_probe_counts_the_images_of_the_evaluations_after_the_first_only()
    {
        var probe = new WorkloadProbe(new Dictionary<string, long> { ["train_eval"] = 10_000, ["valid"] = 2_000, ["test"] = 2_000 });
        var observer = (ITrialObserver)probe;
        Evaluation At(long samples, string split) => new(samples / 128, samples, samples / 10_000.0, split, 1.0, 0.5);

        // The cold evaluation before the first step has no "train" line: not timed.
        foreach (string split in new[] { "train_eval", "valid", "test" })
        {
            observer.OnEvaluated(At(0, split));
        }

        observer.OnRecorded(new HistoryPoint(0, 0, 0, 1.0, null));
        foreach (string split in new[] { "train", "train_eval", "valid", "test" })
        {
            observer.OnEvaluated(At(20_000, split));
        }

        observer.OnRecorded(new HistoryPoint(157, 20_000, 2, 1.0, null));

        Assert.That(probe.EvaluatedImages, Is.EqualTo(14_000));
        Assert.That(probe.EvaluationSeconds, Is.GreaterThan(0));
    }

    [TestCase("--train-rows", "0", "--train-rows 0 is out of range: give 1 to 50,000")]
    [TestCase("--train-rows", "50001", "--train-rows 50001 is out of range: give 1 to 50,000")]
    [TestCase("--epochs", "0", "--epochs 0 is out of range: give 1 or more")]
    [TestCase("--rounds", "0", "--rounds 0 is out of range: give 1 or more")]
    public void Out_of_range_options_are_refused_with_exit_code_2(string option, string value, string message)
    {
        var run = CliRun.Of("bench", "workloads", option, value);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Out + run.Error);
        Assert.That(run.Error, Does.Contain(message));
    }

    private static WorkloadComparison Rounds(params (WorkloadMeasurement Descent, WorkloadMeasurement? PyTorch)[] rounds)
    {
        var comparison = new WorkloadComparison();
        foreach (var (descent, pytorch) in rounds)
        {
            comparison.Add(descent, pytorch);
        }

        return comparison;
    }

    private static Dictionary<string, double> Figures(string objective, int threads, WorkloadComparison comparison) =>
        WorkloadFigures.Collect(new Dictionary<(string, int), WorkloadComparison> { [(objective, threads)] = comparison });
}
