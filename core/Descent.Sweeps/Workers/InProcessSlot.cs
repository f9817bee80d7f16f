using Descent.Contracts;
using Descent.Engine.Trials;

namespace Descent.Sweeps.Workers;

/// <summary>Runs trials on the calling thread, in this process (<c>--in-process</c>): what every trial did before workers; for debugging.</summary>
public sealed class InProcessSlot(TrialRunner runner) : ITrialSlot
{
    /// <inheritdoc />
    public void Warm()
    {
    }

    /// <inheritdoc />
    public TrialAttempt Run(ResolvedTrial trial, string identity, ITrialObserver? observer, TrialTimeLimit? limit, CancellationToken cancellation)
    {
        TrialResult result;
        try
        {
            result = runner.Run(trial, observer, cancellation);
        }
        catch (TrialSetupException e)
        {
            result = new TrialResult(TrialStatus.Failed, double.NaN, [], [], [], 0, 0, [], 0, ExceptionText.OneLine(e));
            observer?.OnCompleted(result);
            return new TrialAttempt(result, FailureKind.Setup) { SetupMessage = e.Message };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A plugin that cannot even be created fails this trial, not the sweep.
            result = new TrialResult(TrialStatus.Failed, double.NaN, [], [], [], 0, 0, [], 0, ExceptionText.OneLine(e));
            observer?.OnCompleted(result);
        }

        return new TrialAttempt(result, result.Status == TrialStatus.Failed ? FailureKind.Exception : FailureKind.None);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
