namespace Descent.Reports.Reading;

/// <summary>How a trial's run ended, as the report counts it (<c>descent.status</c>, else MLflow's status).</summary>
public enum TrialOutcome
{
    /// <summary>Trained to the end; its numbers count.</summary>
    Finished,

    /// <summary>The loss became NaN or infinite; counted, kept out of the loss statistics and curves.</summary>
    Diverged,

    /// <summary>An error ended it.</summary>
    Failed,

    /// <summary>Interrupted (Ctrl-C, or a killed process found later).</summary>
    Killed,

    /// <summary>Still going (or its process vanished without anyone noticing yet).</summary>
    Running,
}
