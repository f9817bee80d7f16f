using Descent.Contracts;
using Descent.Engine.Options;
using static TorchSharp.torch;

namespace Descent.Testing.Checks;

/// <summary>
/// What a schedule must do: be created with its defaults, give finite non-negative rates over 2,000 steps
/// from a base rate of 0.1, scale linearly with the base rate (as PyTorch's schedulers scale each group's
/// initial_lr; a warning for schedules with absolute rates), and give the same rates twice. Whether a schedule that claims a PyTorch name follows it
/// step for step is checked against PyTorch's own numbers in Descent's test suite.
/// </summary>
internal static class ScheduleChecks
{
    private const int Steps = 2_000;

    public static IReadOnlyList<CheckResult> Run(IPlugin plugin, OptionsSchema schema)
    {
        ILearningRateSchedule schedule;
        try
        {
            schedule = PluginFactory.Create<ILearningRateSchedule>(plugin, Activator.CreateInstance(schema.OptionsType)!, ScalarType.Float64, 0, null, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [CheckResult.Failed("construction", $"creating it with its defaults threw {e.GetType().Name}: {e.Message.Split('\n')[0]}",
                "the constructor must accept the defaults of its own options class")];
        }

        var results = new List<CheckResult> { CheckResult.Passed("construction", $"created with its defaults; steps per {schedule.Interval.ToString().ToLowerInvariant()}") };
        double[] rates = Rates(schedule, 0.1);
        int bad = Array.FindIndex(rates, r => !double.IsFinite(r) || r < 0);
        results.Add(bad < 0
            ? CheckResult.Passed("rates", $"finite and not negative over {Steps} steps from base 0.1 (first {rates[0]:G6}, last {rates[^1]:G6})")
            : CheckResult.Failed("rates", $"at t = {bad} the rate is {rates[bad]}", "keep the rate finite and >= 0 for every t, also past the schedule's end (hold the last rate)"));

        double[] doubled = Rates(schedule, 0.2);
        int off = Enumerable.Range(0, Steps).FirstOrDefault(t => Math.Abs(doubled[t] - 2 * rates[t]) > 1e-12 * Math.Max(1, Math.Abs(doubled[t])), -1);
        results.Add(off < 0
            ? CheckResult.Passed("scales with the base rate", "base 0.2 gives twice the rates of base 0.1")
            : CheckResult.Warned("scales with the base rate", $"at t = {off}: {doubled[off]:G8} from base 0.2, {rates[off]:G8} from base 0.1",
                "expected when the schedule sets absolute rates (one-cycle's max_lr, a floor such as eta_min); otherwise compute the rate as base * factor(t), as PyTorch's schedulers scale each group's initial_lr"));

        results.Add(Rates(schedule, 0.1).SequenceEqual(rates)
            ? CheckResult.Passed("determinism", "the same rates twice")
            : CheckResult.Failed("determinism", "two passes over the same steps gave different rates", "make the rate a function of (base, t) only"));
        return results;
    }

    private static double[] Rates(ILearningRateSchedule schedule, double baseRate) =>
        Enumerable.Range(0, Steps).Select(t => schedule.LearningRate(baseRate, t)).ToArray();
}
