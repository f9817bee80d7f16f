using System.Text;
using Descent.Tests.Tracking.Fakes;
using Descent.Tests.Tracking.Support;
using Descent.Tracking;
using Descent.Tracking.Model;
using Descent.Tracking.Rest;
using Descent.Tracking.Stores;

namespace Descent.Tests.Tracking;

/// <summary>The REST store against a server that behaves (and misbehaves) like MLflow.</summary>
public sealed class RestStoreTests
{
    private const long T0 = 1_700_000_000_000;

    [Test]
    public async Task Losing_the_race_to_create_an_experiment_reads_the_winners()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var store = Store(server);
        server.Inject("experiments/create", new FakeFault.CreateRace());

        var experiment = await store.GetOrCreateExperimentAsync("shared");

        Assert.That(server.Backend.Experiments.Where(e => e.Name == "shared").Select(e => e.ExperimentId), Is.EqualTo(new[] { experiment.ExperimentId }));
        Assert.That(server.Requests.Select(r => (r.Path[r.Path.LastIndexOf("experiments", StringComparison.Ordinal)..], r.Status)), Is.EqualTo(new[]
        {
            ("experiments/get-by-name", 404), ("experiments/create", 400), ("experiments/get-by-name", 200),
        }));
    }

    [Test]
    public async Task A_changed_param_is_refused_once_and_not_retried()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var store = Store(server);
        var run = await NewRun(store);
        await store.LogBatchAsync(run.RunId, new LogBatch([], [new Param("lr", "0.1")], []));

        var refused = Assert.ThrowsAsync<MlflowApiException>(() => store.LogBatchAsync(run.RunId, new LogBatch([], [new Param("lr", "0.2")], [])));

        Assert.That(refused!.ErrorCode, Is.EqualTo(MlflowErrorCodes.InvalidParameterValue));
        Assert.That(refused.StatusCode, Is.EqualTo(400));
        Assert.That(server.RequestsTo("runs/log-batch"), Has.Count.EqualTo(2), "a 400 is never retried");
    }

    [Test]
    public async Task A_429_waits_as_long_as_Retry_After_says()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var store = Store(server);
        var run = await NewRun(store);
        server.Inject("runs/log-batch", new FakeFault.Fail(429, "REQUEST_LIMIT_EXCEEDED", RetryAfterSeconds: 1));

        await store.LogBatchAsync(run.RunId, new LogBatch([new Metric("loss", 1, T0, 1)], [], []));

        var attempts = server.RequestsTo("runs/log-batch");
        Assert.That(attempts.Select(a => a.Status), Is.EqualTo(new[] { 429, 200 }));
        Assert.That((attempts[1].At - attempts[0].At).TotalSeconds, Is.GreaterThanOrEqualTo(0.95), "the first retry would be immediate without Retry-After");
        Assert.That(server.Backend.Runs.Single().Metrics, Is.EqualTo(new[] { new Metric("loss", 1, T0, 1) }));
    }

    [Test]
    public async Task A_burst_of_503_is_ridden_out_and_the_batch_stored_once()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var store = Store(server);
        var run = await NewRun(store);
        server.Inject("runs/log-batch", new FakeFault.Fail(503), times: 5);

        await store.LogBatchAsync(run.RunId, new LogBatch([new Metric("loss", 1, T0, 1), new Metric("loss", 2, T0, 2)], [], []));

        Assert.That(server.RequestsTo("runs/log-batch").Select(r => r.Status), Is.EqualTo(new[] { 503, 503, 503, 503, 503, 200 }));
        Assert.That(server.Backend.Runs.Single().History("loss").Select(m => m.Value), Is.EqualTo(new[] { 1.0, 2.0 }));
    }

    [Test]
    public async Task Refused_connections_are_retried_until_the_server_comes_up()
    {
        await using var server = FakeMlflowServer.CreateStopped();
        using var store = Store(server);
        var starting = Task.Delay(300).ContinueWith(_ => server.StartAsync()).Unwrap();

        var experiment = await store.GetOrCreateExperimentAsync("late");
        await starting;

        Assert.That(server.Backend.Experiments.Single(e => e.Name == "late").ExperimentId, Is.EqualTo(experiment.ExperimentId));
    }

    [Test]
    public async Task A_create_whose_answer_came_too_late_finds_its_run_instead_of_making_a_second()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var store = Store(server, FastRetries.Options with { AttemptTimeout = TimeSpan.FromMilliseconds(300) });
        var experiment = await store.GetOrCreateExperimentAsync("e");
        server.Inject("runs/create", new FakeFault.SlowAnswer(TimeSpan.FromSeconds(1)));

        var run = await store.CreateRunAsync(new RunCreation(experiment.ExperimentId, "r", T0, "u", "origin-7", []));

        Assert.That(server.Backend.Runs.Select(r => r.RunId), Is.EqualTo(new[] { run.RunId }), "exactly one run");
        Assert.That(server.RequestsTo("runs/create"), Has.Count.EqualTo(1));
        Assert.That(server.RequestsTo("runs/search"), Is.Not.Empty, "the retry looked for the run first");
    }

    [Test]
    public async Task A_lost_answer_replays_the_batch_and_each_point_is_stored_once()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var store = Store(server);
        var run = await NewRun(store);
        server.Inject("runs/log-batch", new FakeFault.LoseAnswer());
        server.Inject("runs/log-batch", new FakeFault.Abort());
        var points = Enumerable.Range(1, 10).Select(i => new Metric("loss", 1.0 / i, T0 + i, i)).ToArray();

        await store.LogBatchAsync(run.RunId, new LogBatch(points, [new Param("lr", "0.1")], [new RunTag("t", "v")]));

        Assert.That(server.Backend.Runs.Single().History("loss"), Is.EqualTo(points));
        Assert.That(server.Backend.DuplicateMetricPoints, Is.EqualTo(10), "the first attempt was stored and replayed");
    }

    [Test]
    public async Task An_unreachable_server_is_named_without_its_credentials()
    {
        await using var server = FakeMlflowServer.CreateStopped();
        using var store = new RestTrackingStore(server.Uri, MlflowCredentials.Basic("alice", "s3cret-pw"), FastRetries.Short);

        var down = Assert.ThrowsAsync<TrackingUnavailableException>(() => store.GetOrCreateExperimentAsync("e"));

        Assert.That(down!.Message, Does.StartWith($"tracking server http://127.0.0.1:{server.Port} is unreachable"));
        Assert.That(down.Message, Does.Not.Contain("s3cret-pw").And.Not.Contain("alice"));
    }

    [Test]
    public async Task Metric_history_comes_back_whole_in_pages_and_always_asks_with_max_results()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var store = Store(server);
        var run = await NewRun(store);
        var points = Enumerable.Range(0, 30_000).Select(i => new Metric("loss", i * 0.5, T0 + i, i)).ToArray();
        foreach (var chunk in points.Chunk(1000))
        {
            await store.LogBatchAsync(run.RunId, new LogBatch(chunk, [], []));
        }

        var history = await store.GetMetricHistoryAsync(run.RunId, "loss");

        Assert.That(history, Is.EqualTo(points));
        var pages = server.RequestsTo("metrics/get-history");
        Assert.That(pages, Has.Count.EqualTo(2));
        Assert.That(pages.Select(p => p.Query), Has.All.Contains("max_results=25000"));
    }

    [Test]
    public async Task NaN_and_infinities_travel_as_JSON_strings()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var store = Store(server);
        var run = await NewRun(store);
        var points = new[] { new Metric("m", double.NaN, T0, 1), new Metric("m", double.PositiveInfinity, T0, 2), new Metric("m", double.NegativeInfinity, T0, 3) };

        await store.LogBatchAsync(run.RunId, new LogBatch(points, [], []));

        string body = server.RequestsTo("runs/log-batch").Single().Body;
        Assert.That(body, Does.Contain("\"value\":\"NaN\"").And.Contain("\"value\":\"Infinity\"").And.Contain("\"value\":\"-Infinity\""));
        Assert.That(await store.GetMetricHistoryAsync(run.RunId, "m"), Is.EqualTo(points));
    }

    [Test]
    public async Task Artifacts_go_through_the_proxy_with_each_path_segment_encoded()
    {
        using var temp = new TempDirectory();
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var store = Store(server);
        var run = await NewRun(store);
        string file = temp.Sub("a.txt");
        await File.WriteAllTextAsync(file, "hello");

        await store.LogArtifactAsync(run, file, "plots/a b.txt");

        var upload = server.RequestsTo("a%20b.txt").Single();
        Assert.That(upload.Method, Is.EqualTo("PUT"));
        Assert.That(upload.Path, Is.EqualTo($"/api/2.0/mlflow-artifacts/artifacts/{run.ExperimentId}/{run.RunId}/artifacts/plots/a%20b.txt"));
        Assert.That(Encoding.UTF8.GetString(server.Backend.Runs.Single().Artifacts["plots/a b.txt"]), Is.EqualTo("hello"));
        Assert.That(await store.ListArtifactsAsync(run), Is.EqualTo(new[] { new ArtifactFile("plots/a b.txt", false, 5) }));
    }

    [Test]
    public async Task A_503_from_the_artifact_proxy_means_no_proxy_and_is_not_retried()
    {
        using var temp = new TempDirectory();
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var store = Store(server);
        var run = await NewRun(store);
        string file = temp.Sub("a.txt");
        await File.WriteAllTextAsync(file, "hello");
        server.Inject("mlflow-artifacts", new FakeFault.Fail(503));

        var refused = Assert.ThrowsAsync<MlflowApiException>(() => store.LogArtifactAsync(run, file, "a.txt"));

        Assert.That(refused!.Message, Does.Contain("does not serve artifacts"));
        Assert.That(server.Requests.Count(r => r.Method == "PUT"), Is.EqualTo(1));
    }

    [Test]
    public async Task Artifacts_of_a_run_with_a_file_artifact_uri_are_copied()
    {
        using var temp = new TempDirectory();
        await using var server = await FakeMlflowServer.StartNewAsync();
        server.Backend.FileArtifactRoot = temp.Sub("server-artifacts");
        using var store = Store(server);
        var run = await NewRun(store);
        string file = temp.Sub("a.txt");
        await File.WriteAllTextAsync(file, "hello");

        await store.LogArtifactAsync(run, file, "plots/a.txt");

        Assert.That(run.ArtifactUri, Does.StartWith("file:///"));
        Assert.That(File.ReadAllText(Path.Combine(temp.Sub("server-artifacts"), run.ExperimentId, run.RunId, "artifacts", "plots", "a.txt")), Is.EqualTo("hello"));
        Assert.That(server.Requests.Where(r => r.Method == "PUT"), Is.Empty);
        Assert.That(await store.ListArtifactsAsync(run), Is.EqualTo(new[] { new ArtifactFile("plots/a.txt", false, 5) }));
    }

    [Test]
    public async Task A_401_is_not_retried()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        server.RequiredAuthorization = "Bearer right";
        using var store = new RestTrackingStore(server.Uri, MlflowCredentials.Bearer("wrong"), FastRetries.Options);

        var refused = Assert.ThrowsAsync<MlflowApiException>(() => store.GetOrCreateExperimentAsync("e"));

        Assert.That(refused!.StatusCode, Is.EqualTo(401));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Basic_credentials_win_over_a_token_as_in_MLflow()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        server.RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pw"));
        var environment = new Dictionary<string, string> { ["MLFLOW_TRACKING_TOKEN"] = "tok", ["MLFLOW_TRACKING_USERNAME"] = "alice", ["MLFLOW_TRACKING_PASSWORD"] = "pw" };
        var credentials = MlflowCredentials.Resolve(n => environment.GetValueOrDefault(n), credentialsFile: "/nonexistent");
        using var store = new RestTrackingStore(server.Uri, credentials, FastRetries.Options);

        var experiment = await store.GetOrCreateExperimentAsync("e");

        Assert.That(experiment.Name, Is.EqualTo("e"));
        Assert.That(credentials.ToString(), Is.EqualTo("basic (user 'alice')"));
    }

    private static RestTrackingStore Store(FakeMlflowServer server, RetryOptions? retry = null) => new(server.Uri, retry: retry ?? FastRetries.Options);

    private static async Task<RunInfo> NewRun(RestTrackingStore store)
    {
        var experiment = await store.GetOrCreateExperimentAsync("e");
        return await store.CreateRunAsync(new RunCreation(experiment.ExperimentId, "r", T0, "u", Guid.NewGuid().ToString("N"), []));
    }
}
