using Descent.Engine.Trials;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Fakes;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Recording;
using Descent.Tracking.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Descent.Tests.Tracking.Support;

/// <summary>Real trials on the bundled plugins, tracked; and what a store must hold for them, worked out from the result alone.</summary>
public static class TrackedTrials
{
    /// <summary>Gradient descent with lr 0.1 on 0.1·x1² + 2·x2² from (-5, -2), in float64.</summary>
    public static ResolvedTrial Quadratic(int steps, string lr = "0.1") =>
        TrialResolver.Resolve(TestEngine.Analytic("sgd", "quadratic2d", steps, "-5,-2", ("lr", lr), ("f.a", "0.1")), TestEngine.Catalog);

    public static TrialResult Run(ResolvedTrial trial, ITrialObserver observer, CancellationToken cancellation = default) =>
        TestEngine.Services.GetRequiredService<TrialRunner>().Run(trial, observer, cancellation);

    /// <summary>A session on the fake server with quick retries and a short batching delay; spooling to <paramref name="spool"/>.</summary>
    public static TrackingSession Session(FakeMlflowServer server, string experiment, string? spool, ILogger? logger = null, RetryOptions? retry = null, RecorderOptions? recorder = null, MlflowCredentials? credentials = null) =>
        new(
            new RestTrackingStore(server.Uri, credentials, retry ?? FastRetries.Options, logger),
            experiment,
            spool is null ? null : new FileTrackingStore(spool),
            recorder ?? new RecorderOptions(BatchLinger: TimeSpan.FromMilliseconds(5)),
            logger);

    /// <summary>The params the run of <see cref="Quadratic"/> must have, written out by hand.</summary>
    public static Dictionary<string, string> QuadraticParams(int steps, string lr = "0.1") => new()
    {
        ["lr"] = lr,
        ["objective.start"] = "-5,-2",
        ["objective.a"] = "0.1",
        ["objective.b"] = "2",
        ["objective.noise_mean"] = "0",
        ["objective.noise_std"] = "0",
        ["optimizer"] = "sgd",
        ["optimizer.version"] = TestEngine.Catalog.Find("sgd")!.Version,
        ["objective"] = "quadratic2d",
        ["objective.version"] = TestEngine.Catalog.Find("quadratic2d")!.Version,
        ["steps"] = steps.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["seed"] = "0",
        ["dtype"] = "float64",
    };

    /// <summary>Per metric key, the (value, step) points in order that an analytic trial's run must hold.</summary>
    public static Dictionary<string, (double Value, long Step)[]> ExpectedMetrics(TrialResult result)
    {
        long last = result.History[^1].Step;
        return new Dictionary<string, (double, long)[]>
        {
            ["loss"] = result.History.Select(p => (p.Loss, p.Step)).ToArray(),
            ["trajectory/x_0"] = result.History.Select(p => (p.Params![0], p.Step)).ToArray(),
            ["trajectory/x_1"] = result.History.Select(p => (p.Params![1], p.Step)).ToArray(),
            ["final_loss"] = [(result.FinalLoss, last)],
            ["wall_seconds"] = [(result.WallSeconds, last)],
        };
    }

    /// <summary>The points of a run grouped by key, in arrival order.</summary>
    public static Dictionary<string, (double Value, long Step)[]> Points(IEnumerable<Metric> metrics) =>
        metrics.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.Select(m => (m.Value, m.Step)).ToArray());
}
