using System.Diagnostics;
using Descent.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Descent.Tests.Sweeps;

/// <summary>
/// <c>descent slurm</c> and <c>descent k8s</c> write every option given into the job: read back from the
/// sbatch script as bash parses it (the task's command, with its shard) and from the manifest as YAML.
/// Slurm tasks run in the submit directory on other nodes, so its paths are made absolute; the manifest's
/// are the image's and stay as given.
/// </summary>
public sealed class ClusterJobOptionsTests
{
    private const string File = """
        name: cluster-options
        objective: { id: rosenbrock }
        training: { steps: 5 }
        seeds: 2
        optimizers:
          - id: adam
            hyperparameters: { lr: [0.001, 0.01] }
        """;

    /// <summary>
    /// One option as given (REL: a path relative to the current directory), the words it becomes in the
    /// worker command of each job (ABS: the same path made absolute; null: not an option of that job), and
    /// the <c>#SBATCH</c> line it becomes.
    /// </summary>
    public sealed record CarriedOption(string[] Given, string[]? Slurm, string[]? Kubernetes, string? Directive = null)
    {
        public override string ToString() => string.Join(" ", Given);
    }

    public static IEnumerable<CarriedOption> Options() =>
    [
        new(["--tracking-uri", "http://mlflow:5000"], ["--tracking-uri", "http://mlflow:5000"], ["--tracking-uri", "http://mlflow:5000"]),
        new(["--tracking-uri", "REL/mlruns"], ["--tracking-uri", "ABS/mlruns"], ["--tracking-uri", "REL/mlruns"]),
        new(["--experiment", "ch7 airfoil"], ["--experiment", "ch7 airfoil"], ["--experiment", "ch7 airfoil"]),
        new(["--report-dir", "REL/report"], ["--report-dir", "ABS/report"], ["--report-dir", "REL/report"]),
        new(["--retries", "3"], ["--retries", "3"], ["--retries", "3"]),
        new(["--parallel", "2"], ["--parallel", "2"], ["--parallel", "2"], "--cpus-per-task=2"),
        new(["--data-dir", "REL/data"], ["--data-dir", "ABS/data"], ["--data-dir", "REL/data"]),
        new(["--offline"], ["--offline"], ["--offline"]),
        new(["--plugins", "REL/plugins"], ["--plugins", "ABS/plugins"], ["--plugins", "REL/plugins"]),
        new(["--partition", "gpu"], null, null, "--partition=gpu"),
        new(["--time", "00:10:00"], null, null, "--time=00:10:00"),
        new(["--cpus-per-task", "4"], null, null, "--cpus-per-task=4"),
        new(["--mem", "2G"], null, null, "--mem=2G"),
        new(["--account", "proj-7"], null, null, "--account=proj-7"),
        new(["--sbatch-arg=--qos=high"], null, null, "--qos=high"),
    ];

    [TestCaseSource(nameof(Options))]
    public void Every_option_given_is_carried_into_the_job(CarriedOption option)
    {
        using var scratch = new ScratchDirectory();
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, scratch.Path);
        foreach (string folder in new[] { "data", "plugins", "report", "mlruns" })
        {
            Directory.CreateDirectory(scratch.File(folder));
        }

        System.IO.File.WriteAllText(scratch.File("sweep.yaml"), File);
        string file = Path.Combine(relative, "sweep.yaml");
        string[] given = option.Given.Select(g => g.Replace("REL", relative, StringComparison.Ordinal)).ToArray();

        var slurm = CliRun.Of(["slurm", file, "--shards", "3", "--workdir", scratch.Path, .. given]);
        Assert.That(slurm.ExitCode, Is.EqualTo(0), slurm.Error);
        var (directives, task) = ParseScript(slurm.Out, scratch, arrayTask: 1);
        Assert.That(task.Take(3), Is.EqualTo(new[] { "sweep", scratch.File("sweep.yaml"), "--parallel" }), "the experiment file is made absolute");
        Assert.That(Contains(task, ["--shard", "1/3"]), "array task 1 runs shard 1 of 3: " + string.Join(" ", task));
        if (option.Slurm is not null)
        {
            string[] expected = option.Slurm.Select(w => w.Replace("ABS", scratch.Path, StringComparison.Ordinal)).ToArray();
            Assert.That(Contains(task, expected), $"{string.Join(" ", expected)} in: {string.Join(" ", task)}");
        }

        if (option.Directive is not null)
        {
            Assert.That(directives, Does.Contain(option.Directive));
        }

        if (option.Kubernetes is null)
        {
            return;
        }

        var k8s = CliRun.Of(["k8s", file, "--shards", "3", "--image", "registry.example/descent:1", .. given]);
        Assert.That(k8s.ExitCode, Is.EqualTo(0), k8s.Error);
        var command = ManifestCommand(k8s.Out);
        Assert.That(command.Take(3), Is.EqualTo(new[] { "descent", "sweep", file }), "the image's paths stay as given");
        Assert.That(Contains(command, ["--shard", "$(DESCENT_SHARD_INDEX)/3"]), string.Join(" ", command));
        string[] inManifest = option.Kubernetes.Select(w => w.Replace("REL", relative, StringComparison.Ordinal)).ToArray();
        Assert.That(Contains(command, inManifest), $"{string.Join(" ", inManifest)} in: {string.Join(" ", command)}");
    }

    [Test]
    public void Without_options_a_slurm_task_still_logs_and_reports_where_it_was_generated()
    {
        using var scratch = new ScratchDirectory();
        System.IO.File.WriteAllText(scratch.File("sweep.yaml"), File);

        var slurm = CliRun.Of("slurm", scratch.File("sweep.yaml"), "--shards", "2", "--workdir", scratch.Path);

        // The store the submitter would log to (MLFLOW_TRACKING_URI, else ./mlruns), which a task started with an empty environment would not find.
        string store = Descent.Tracking.TrackingUri.Parse(Environment.GetEnvironmentVariable("MLFLOW_TRACKING_URI")).LocalPath!;
        Assert.That(Path.IsPathRooted(store));
        Assert.That(slurm.ExitCode, Is.EqualTo(0), slurm.Error);
        var (directives, task) = ParseScript(slurm.Out, scratch, arrayTask: 0);
        Assert.That(Contains(task, ["--tracking-uri", store]), string.Join(" ", task));
        Assert.That(Contains(task, ["--report-dir", Path.GetFullPath(Path.Combine("out", "cluster-options"))]), string.Join(" ", task));
        Assert.That(directives, Is.SupersetOf(new[] { "--time=02:00:00", "--cpus-per-task=1", "--array=0-1", "--open-mode=append", "--requeue", "--signal=B:TERM@120" }));
        Assert.That(slurm.Error, Does.Contain($"warning: runs go to the local store {store}: every node must see it at that path"));
        Assert.That(slurm.Error, Does.Contain($"warning: the last shard to finish writes the report to {Path.GetFullPath(Path.Combine("out", "cluster-options"))}: every node must see it"));
    }

    [Test]
    public void A_benchmark_file_becomes_jobs_whose_shards_run_descent_benchmark()
    {
        using var scratch = new ScratchDirectory();
        System.IO.File.WriteAllText(scratch.File("bench.yaml"), Descent.Tests.Benchmarks.BenchmarkFiles.Text("cluster-bench"));

        var slurm = CliRun.Of("slurm", scratch.File("bench.yaml"), "--shards", "4", "--workdir", scratch.Path, "--tracking-uri", scratch.File("mlruns"));
        var k8s = CliRun.Of("k8s", scratch.File("bench.yaml"), "--shards", "4", "--image", "registry.example/descent:1", "--tracking-uri", "http://mlflow:5000");

        Assert.That(slurm.ExitCode, Is.EqualTo(0), slurm.Error);
        var (directives, task) = ParseScript(slurm.Out, scratch, arrayTask: 3);
        Assert.That(task.Take(2), Is.EqualTo(new[] { "benchmark", scratch.File("bench.yaml") }));
        Assert.That(Contains(task, ["--shard", "3/4"]), string.Join(" ", task));
        Assert.That(directives, Does.Contain("--array=0-3"));
        Assert.That(k8s.ExitCode, Is.EqualTo(0), k8s.Error);
        Assert.That(ManifestCommand(k8s.Out).Take(3), Is.EqualTo(new[] { "descent", "benchmark", scratch.File("bench.yaml") }));
    }

    [Test]
    public void Require_server_refuses_a_local_store()
    {
        using var scratch = new ScratchDirectory();
        System.IO.File.WriteAllText(scratch.File("sweep.yaml"), File);

        var slurm = CliRun.Of("slurm", scratch.File("sweep.yaml"), "--shards", "2", "--tracking-uri", scratch.File("mlruns"), "--require-server");
        var k8s = CliRun.Of("k8s", scratch.File("sweep.yaml"), "--shards", "2", "--image", "x", "--require-server");

        Assert.That(slurm.ExitCode, Is.EqualTo(2));
        Assert.That(slurm.Error, Does.Contain($"the tracking store {scratch.File("mlruns")} is local and --require-server is given: give --tracking-uri http(s)://host:port"));
        Assert.That(k8s.ExitCode, Is.EqualTo(2));
        Assert.That(slurm.Out + k8s.Out, Is.Empty);
    }

    [Test]
    public void Sweep_help_says_the_default_experiment_is_the_file_name()
    {
        var help = CliRun.Of("sweep", "--help");

        Assert.That(help.Out, Does.Contain("else the experiment file's name"));
        Assert.That(help.Out, Does.Not.Contain("else 'descent'"));
    }

    /// <summary>The script's #SBATCH options, and the words of the command array task <paramref name="arrayTask"/> runs, as bash reads them (a stub descent prints them).</summary>
    private static (string[] Directives, string[] Task) ParseScript(string script, ScratchDirectory scratch, int arrayTask)
    {
        var directives = script.Split('\n').Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).Select(l => l["#SBATCH ".Length..]).ToArray();
        string stub = scratch.File("descent");
        System.IO.File.WriteAllText(stub, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        System.IO.File.WriteAllText(scratch.File("job.sbatch"), script);
        var info = new ProcessStartInfo("bash", [scratch.File("job.sbatch")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["SLURM_ARRAY_TASK_ID"] = arrayTask.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var bash = Process.Start(info)!;
        string output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        Assert.That(bash.ExitCode, Is.EqualTo(0), bash.StandardError.ReadToEnd());
        return (directives, output.TrimEnd('\n').Split('\n'));
    }

    private static string[] ManifestCommand(string manifest)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(manifest));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var spec = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root.Children["spec"]).Children["template"]).Children["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)spec.Children["containers"]).Children.Single();
        return ((YamlSequenceNode)container.Children["command"]).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();
    }

    private static bool Contains(IReadOnlyList<string> words, IReadOnlyList<string> run) =>
        Enumerable.Range(0, words.Count - run.Count + 1).Any(i => run.Select((w, j) => words[i + j] == w).All(b => b));
}
