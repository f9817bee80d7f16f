using Descent.Contracts;

namespace Descent.Engine.Trials;

/// <summary>Follows a trial as it runs (tracking, progress). Calls come from the training thread; keep them cheap.</summary>
public interface ITrialObserver
{
    /// <summary>The plugins are created and the first point is about to be recorded.</summary>
    void OnStarted(ResolvedTrial trial, TrialContext context, ParameterSet parameters)
    {
    }

    /// <summary>A point was recorded.</summary>
    void OnRecorded(HistoryPoint point)
    {
    }

    /// <summary>A split was evaluated (objectives with metrics on datasets with splits).</summary>
    void OnEvaluated(Evaluation evaluation)
    {
    }

    /// <summary>An epoch ended (data objectives).</summary>
    void OnEpochCompleted(int epoch, double seconds)
    {
    }

    /// <summary>The trial ended, however it ended.</summary>
    void OnCompleted(TrialResult result)
    {
    }
}
