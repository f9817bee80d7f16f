using Descent.Contracts;

namespace Descent.Schedules.Standard;

/// <summary>Arguments of the <c>one-cycle</c> schedule, with PyTorch's names and defaults.</summary>
public sealed class OneCycleOptions : ScheduleOptions, IValidatableOptions
{
    /// <summary>Steps per step: PyTorch's OneCycleLR is stepped after every batch.</summary>
    public OneCycleOptions() => Interval = ScheduleInterval.Step;

    /// <summary>The peak rate; 0 takes the optimizer's lr.</summary>
    [Hyperparameter("max_lr", Description = "the peak rate (0: the optimizer's lr)", Minimum = 0)]
    public double MaxLr { get; set; }

    /// <summary>Steps (epochs) of the whole cycle.</summary>
    [Hyperparameter("total_steps", Description = "steps (epochs) of the whole cycle", Minimum = 2)]
    public int TotalSteps { get; set; } = 1000;

    /// <summary>Fraction of the cycle spent rising.</summary>
    [Hyperparameter("pct_start", Description = "fraction of the cycle spent rising", Minimum = 0, Maximum = 1, MinimumExclusive = true, MaximumExclusive = true)]
    public double PctStart { get; set; } = 0.3;

    /// <summary>cos or linear.</summary>
    [Hyperparameter("anneal_strategy", Description = "cos or linear annealing")]
    public AnnealStrategy AnnealStrategy { get; set; } = AnnealStrategy.Cos;

    /// <summary>The starting rate is max_lr / div_factor.</summary>
    [Hyperparameter("div_factor", Description = "initial rate = max_lr / div_factor", Minimum = 0, MinimumExclusive = true)]
    public double DivFactor { get; set; } = 25;

    /// <summary>The final rate is the initial rate / final_div_factor.</summary>
    [Hyperparameter("final_div_factor", Description = "final rate = initial rate / final_div_factor", Minimum = 0, MinimumExclusive = true)]
    public double FinalDivFactor { get; set; } = 1e4;

    /// <summary>Three phases (up, down to the initial rate, down to the final rate) instead of two.</summary>
    [Hyperparameter("three_phase", Description = "rise, fall back to the initial rate, then anneal to the final rate")]
    public bool ThreePhase { get; set; }

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        double rising = Math.Floor(PctStart * TotalSteps) - 1;
        if (rising < 1 || (ThreePhase && (2 * PctStart * TotalSteps) - 2 >= TotalSteps - 1))
        {
            yield return $"pct_start = {PctStart.ToString(System.Globalization.CultureInfo.InvariantCulture)} with total_steps = {TotalSteps} leaves a phase without steps; raise total_steps or move pct_start toward {(ThreePhase ? "0.3" : "0.5")}";
        }
    }
}
