namespace Descent.Tracking.Model;

/// <summary>MLflow's lifecycle stages of experiments and runs.</summary>
public static class LifecycleStage
{
    /// <summary>In use.</summary>
    public const string Active = "active";

    /// <summary>Deleted (restorable; a FileStore keeps deleted experiments in <c>.trash</c>).</summary>
    public const string Deleted = "deleted";
}
