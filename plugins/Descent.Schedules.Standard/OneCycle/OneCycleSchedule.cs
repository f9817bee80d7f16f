using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>
/// PyTorch's <c>OneCycleLR</c> (Smith and Topin 2018) with <c>cycle_momentum=False</c>: from max_lr/div_factor up to
/// max_lr over pct_start of the cycle, then down to (max_lr/div_factor)/final_div_factor; with three_phase, first back
/// down to the initial rate and then to the final one. The same arithmetic as PyTorch's <c>get_lr</c>, so the same
/// bits. Past total_steps, where PyTorch raises, the rate stays at its last value. Momentum is not cycled.
/// </summary>
public sealed class OneCycleSchedule(OneCycleOptions options) : ILearningRateSchedule
{
    /// <inheritdoc />
    public ScheduleInterval Interval => options.Interval;

    /// <inheritdoc />
    public double LearningRate(double baseLearningRate, long t)
    {
        double maxLr = options.MaxLr > 0 ? options.MaxLr : baseLearningRate;
        double initialLr = maxLr / options.DivFactor;
        double minLr = initialLr / options.FinalDivFactor;
        (double End, double Start, double Stop)[] phases = options.ThreePhase
            ?
            [
                ((options.PctStart * options.TotalSteps) - 1, initialLr, maxLr),
                ((2 * options.PctStart * options.TotalSteps) - 2, maxLr, initialLr),
                (options.TotalSteps - 1, initialLr, minLr),
            ]
            :
            [
                ((options.PctStart * options.TotalSteps) - 1, initialLr, maxLr),
                (options.TotalSteps - 1, maxLr, minLr),
            ];

        double step = Math.Min(t, options.TotalSteps - 1);
        double startStep = 0;
        for (int i = 0; i < phases.Length; i++)
        {
            var (end, start, stop) = phases[i];
            if (step <= end || i == phases.Length - 1)
            {
                double pct = (step - startStep) / (end - startStep);
                return options.AnnealStrategy == AnnealStrategy.Cos ? Cos(start, stop, pct) : Linear(start, stop, pct);
            }

            startStep = end;
        }

        throw new InvalidOperationException("unreachable: the last phase always answers");
    }

    private static double Cos(double start, double end, double pct) => end + ((start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1));

    private static double Linear(double start, double end, double pct) => ((end - start) * pct) + start;
}
