namespace Descent.Tests;

/// <summary>
/// <c>descent trial</c> tracks by default. For the whole test run, MLflow's store and Descent's spool point
/// at a temporary directory, so that command-line tests never write <c>./mlruns</c> next to the tests.
/// Tests of the tracking defaults set these variables themselves.
/// </summary>
[SetUpFixture]
public sealed class TrackingSandbox
{
    private string? directory;

    /// <summary>The store the command-line tests track into.</summary>
    public static string StoreDirectory { get; private set; } = "";

    [OneTimeSetUp]
    public void PointTrackingAtATemporaryStore()
    {
        directory = Path.Combine(Path.GetTempPath(), $"descent-tests-tracking-{Guid.NewGuid():N}");
        StoreDirectory = Path.Combine(directory, "mlruns");
        Environment.SetEnvironmentVariable("MLFLOW_TRACKING_URI", StoreDirectory);
        Environment.SetEnvironmentVariable("DESCENT_TRACKING_SPOOL", Path.Combine(directory, "spool"));
    }

    [OneTimeTearDown]
    public void RemoveTheTemporaryStore()
    {
        Environment.SetEnvironmentVariable("MLFLOW_TRACKING_URI", null);
        Environment.SetEnvironmentVariable("DESCENT_TRACKING_SPOOL", null);
        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
