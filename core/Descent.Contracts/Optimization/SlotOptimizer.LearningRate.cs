using TorchSharp;

namespace Descent.Contracts;

/// <summary>The learning rate a schedule sets (contract 1.1).</summary>
public abstract partial class SlotOptimizer
{
    private readonly bool hasLearningRate;
    private double learningRate;
    private double lrScalarValue;
    private Scalar? lrScalar;

    /// <summary>
    /// Creates <paramref name="slotCount"/> zero tensors shaped like each parameter, with <paramref name="lr"/> as
    /// the learning rate the host may change between steps: use <see cref="Lr"/> in <see cref="Update"/> and add
    /// <see cref="IScheduledOptimizer"/> to the class, and the optimizer runs under any schedule.
    /// </summary>
    protected SlotOptimizer(ParameterSet parameters, int slotCount, double lr)
        : this(parameters, slotCount)
    {
        hasLearningRate = true;
        learningRate = lr;
    }

    /// <summary>
    /// The learning rate of the current step as a held Scalar (created again only when the rate changed).
    /// Only for optimizers created with a learning rate.
    /// </summary>
    protected Scalar Lr => lrScalar ?? throw new InvalidOperationException(
        $"{GetType().Name} reads Lr, but was created without a learning rate; pass it to SlotOptimizer's constructor (parameters, slotCount, lr).");

    /// <summary>The learning rate of the next step (<see cref="IScheduledOptimizer.LearningRate"/>); starts as the one given to the constructor.</summary>
    public double LearningRate
    {
        get => hasLearningRate ? learningRate : throw NoLearningRate();
        set
        {
            if (!hasLearningRate)
            {
                throw NoLearningRate();
            }

            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A learning rate is finite and not negative.");
            }

            learningRate = value;
        }
    }

    private void RefreshLr()
    {
        if (hasLearningRate && (lrScalar is null || lrScalarValue != learningRate))
        {
            lrScalar?.Dispose();
            lrScalar = learningRate.ToScalar();
            lrScalarValue = learningRate;
        }
    }

    private InvalidOperationException NoLearningRate() => new(
        $"{GetType().Name} was created without a learning rate, so none can be set; pass it to SlotOptimizer's constructor (parameters, slotCount, lr).");
}
