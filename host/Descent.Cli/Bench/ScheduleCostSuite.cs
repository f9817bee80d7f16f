using Descent.Engine.Trials;

namespace Descent.Cli.Bench;

/// <summary>
/// The cost of a learning-rate schedule per step: adam on the airfoil regression (batch 10, closed-form gradient)
/// without a schedule and under <c>warmup-cosine</c>, which changes the rate before every step. The two run as
/// adjacent pairs, the order alternating; each pair gives one ratio, so load that drifts over the run (other
/// processes, frequency scaling) cancels within a pair, and the figure is the median of the pairs' ratios. Each run
/// is timed twice: wall time per step (the trial's own epoch clock) and the trial thread's CPU time per step over
/// epochs 2 to N (the first is warm-up); on a busy machine only the second means anything.
/// </summary>
public sealed class ScheduleCostSuite : IBenchmarkSuite
{
    private const int EpochsPerRun = 6;

    /// <inheritdoc />
    public string Name => "schedule";

    /// <inheritdoc />
    public string Description => "the cost of a learning-rate schedule per adam step (paired runs with and without warmup-cosine)";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Run(BenchContext context)
    {
        var plain = new TrialSpec
        {
            Optimizer = "adam",
            Hyperparameters = new Dictionary<string, string> { ["lr"] = "0.01" },
            Objective = "linear-regression",
            Dataset = "airfoil",
            Training = new TrainingSettings(Epochs: EpochsPerRun, BatchSize: 10, RecordEvery: int.MaxValue),
        };
        string total = (150 * EpochsPerRun).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = plain with
        {
            Schedule = "warmup-cosine",
            ScheduleArgs = new Dictionary<string, string> { ["warmup_steps"] = "100", ["total_steps"] = total },
        };

        Measure(context, plain);
        Measure(context, scheduled);
        var without = new List<Timing>();
        var with = new List<Timing>();
        for (int pair = 0; pair < (context.Quick ? 4 : 41); pair++)
        {
            bool scheduleFirst = pair % 2 == 1;
            var first = Measure(context, scheduleFirst ? scheduled : plain);
            var second = Measure(context, scheduleFirst ? plain : scheduled);
            without.Add(scheduleFirst ? second : first);
            with.Add(scheduleFirst ? first : second);
        }

        var wallRatios = with.Zip(without, (w, p) => w.WallMicroseconds / p.WallMicroseconds).ToList();
        var cpuRatios = with.Zip(without, (w, p) => w.CpuMicroseconds / p.CpuMicroseconds).ToList();
        var figures = new Dictionary<string, double>
        {
            ["adam_batch10_us_per_step_unscheduled_median"] = BenchStatistics.Median(without.Select(t => t.WallMicroseconds).ToList()),
            ["adam_batch10_us_per_step_warmup_cosine_median"] = BenchStatistics.Median(with.Select(t => t.WallMicroseconds).ToList()),
            ["adam_batch10_cpu_us_per_step_unscheduled_median"] = BenchStatistics.Median(without.Select(t => t.CpuMicroseconds).ToList()),
            ["adam_batch10_cpu_us_per_step_warmup_cosine_median"] = BenchStatistics.Median(with.Select(t => t.CpuMicroseconds).ToList()),
            ["schedule_overhead_percent_of_a_step_wall"] = (BenchStatistics.Median(wallRatios) - 1) * 100,
            ["schedule_overhead_percent_of_a_step"] = (BenchStatistics.Median(cpuRatios) - 1) * 100,
            ["schedule_overhead_percent_quartile_1"] = (BenchStatistics.Quantile(cpuRatios, 0.25) - 1) * 100,
            ["schedule_overhead_percent_quartile_3"] = (BenchStatistics.Quantile(cpuRatios, 0.75) - 1) * 100,
            ["pairs"] = cpuRatios.Count,
        };
        context.Console.Out.WriteLine(
            $"   adam batch 10, CPU time of the trial's thread: {figures["adam_batch10_cpu_us_per_step_unscheduled_median"]:F1} us per step without a schedule, " +
            $"{figures["adam_batch10_cpu_us_per_step_warmup_cosine_median"]:F1} us with warmup-cosine; over {cpuRatios.Count} adjacent pairs the schedule " +
            $"costs {figures["schedule_overhead_percent_of_a_step"]:F2}% of a step (median; quartiles {figures["schedule_overhead_percent_quartile_1"]:F2}% " +
            $"and {figures["schedule_overhead_percent_quartile_3"]:F2}%; goal: at most 2%)");
        var (setRate, constantStep, changedStep) = ScheduleWorkTimer.Measure(context.Engine.Catalog, 150 * EpochsPerRun);
        double perStep = figures["adam_batch10_cpu_us_per_step_unscheduled_median"];
        figures["schedule_set_rate_us"] = setRate;
        figures["adam_update_us_constant_rate"] = constantStep;
        figures["adam_update_us_changed_rate"] = changedStep;
        figures["schedule_work_percent_of_a_step"] = (setRate + changedStep - constantStep) / perStep * 100;
        context.Console.Out.WriteLine(
            $"   timed alone (fastest of 15 blocks of 2,000): setting the rate {setRate:F3} us (warmup-cosine's formula and adam's setter); adam's update " +
            $"{constantStep:F2} us at a constant rate, {changedStep:F2} us at a rate changed before each: together {figures["schedule_work_percent_of_a_step"]:F2}% of the {perStep:F1} us step");
        context.Console.Out.WriteLine(
            $"   wall time: {figures["adam_batch10_us_per_step_unscheduled_median"]:F1} and {figures["adam_batch10_us_per_step_warmup_cosine_median"]:F1} us per step, " +
            $"{figures["schedule_overhead_percent_of_a_step_wall"]:F2}% (median of the pairs; includes waiting for the core on a busy machine)");
        return figures;
    }

    private static Timing Measure(BenchContext context, TrialSpec spec)
    {
        var trial = TrialResolver.Resolve(spec, context.Engine.Catalog);
        var clock = new EpochCpuClock();
        var result = context.Engine.Runner.Run(trial, clock, context.Cancellation);
        if (result.Status != TrialStatus.Finished)
        {
            throw new InvalidOperationException($"benchmark trial {spec.Optimizer} (schedule {spec.Schedule ?? "none"}) ended {result.Status}: {result.Error}");
        }

        long stepsPerEpoch = result.Steps / EpochsPerRun;
        return new Timing(result.EpochSeconds.Skip(1).Sum() / (stepsPerEpoch * (EpochsPerRun - 1)) * 1e6, clock.SecondsAfterFirstEpoch / (stepsPerEpoch * (EpochsPerRun - 1)) * 1e6);
    }

    private sealed record Timing(double WallMicroseconds, double CpuMicroseconds);

    /// <summary>The trial thread's CPU time from the end of its first epoch to the end of its last (the observer runs on that thread).</summary>
    private sealed class EpochCpuClock : ITrialObserver
    {
        private double firstEpochEnd = double.NaN;

        public double SecondsAfterFirstEpoch { get; private set; }

        public void OnEpochCompleted(int epoch, double seconds)
        {
            double now = ThreadCpuClock.Seconds();
            if (epoch == 1)
            {
                firstEpochEnd = now;
            }
            else
            {
                SecondsAfterFirstEpoch = now - firstEpochEnd;
            }
        }
    }
}
