using Descent.Tracking.Model;
using Descent.Tracking.Stores;

namespace Descent.Tracking.Recording;

/// <summary>A store and the experiment runs go into there, looked up (or created) once and shared by every run of a session.</summary>
internal sealed class StoreTarget(ITrackingStore store, string experimentName)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Experiment? experiment;

    public ITrackingStore Store { get; } = store;

    public string ExperimentName { get; } = experimentName;

    public string Location => Store.Location;

    /// <summary>The experiment; a failed lookup is tried again by the next caller.</summary>
    public async Task<Experiment> ExperimentAsync(CancellationToken cancellation)
    {
        if (experiment is not null)
        {
            return experiment;
        }

        await gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            return experiment ??= await Store.GetOrCreateExperimentAsync(ExperimentName, cancellation).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
