using System.Diagnostics;
using Descent.Sweeps;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Sweeps.Sharding;
using Descent.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Descent.Tests.Sweeps;

/// <summary>Shards from the option or the engines' environment partition a sweep exactly; the cluster files parse and run the same worker.</summary>
public sealed class ShardingTests
{
    private const string File = """
        name: shards
        objective: { id: rosenbrock }
        training: { steps: 10 }
        seeds: 5
        optimizers:
          - id: adam
            hyperparameters: { lr: [0.001, 0.01, 0.1] }
          - id: sgd
            hyperparameters: { lr: [0.0001, 0.001] }
        """;

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(25)]
    [TestCase(40)]
    public void Slurm_array_tasks_together_run_every_trial_exactly_once(int count)
    {
        var plan = SweepExpander.Expand(ExperimentFileParser.Parse("shards.yaml", File), TestEngine.Catalog);
        var seen = new List<string>();
        for (int task = 1; task <= count; task++)
        {
            var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = task.ToString(), ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = count.ToString() };
            var shard = ShardSelector.Resolve(null, null, n => env.GetValueOrDefault(n));
            seen.AddRange(plan.Trials.Where(shard.Contains).Select(t => t.Identity));
        }

        Assert.That(seen, Is.EquivalentTo(plan.Trials.Select(t => t.Identity)));
        Assert.That(seen, Is.Unique);
    }

    [Test]
    public void Indexed_job_pods_together_run_every_trial_exactly_once()
    {
        var plan = SweepExpander.Expand(ExperimentFileParser.Parse("shards.yaml", File), TestEngine.Catalog);
        var seen = new List<string>();
        for (int index = 0; index < 4; index++)
        {
            var env = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = index.ToString(), [ShardSelector.ShardCountVariable] = "4" };
            var shard = ShardSelector.Resolve(null, null, n => env.GetValueOrDefault(n));
            Assert.That(shard.Source, Is.EqualTo("Kubernetes Indexed Job"));
            seen.AddRange(plan.Trials.Where(shard.Contains).Select(t => t.Identity));
        }

        Assert.That(seen, Is.EquivalentTo(plan.Trials.Select(t => t.Identity)));
        Assert.That(seen, Is.Unique);
    }

    [Test]
    public void The_option_wins_over_the_environment()
    {
        var shard = ShardSelector.Resolve("1/3", null, n => n == "SLURM_ARRAY_TASK_ID" ? "0" : "7");

        Assert.That(shard, Is.EqualTo(new Shard(1, 3, "--shard")));
    }

    [TestCase("3/3", null, "invalid shard 3/3 from --shard: the count must be at least 1 and the index in [0, 2]")]
    [TestCase("a/3", null, "--shard 'a/3' must be K/N with whole numbers, e.g. --shard 0/4 (shards are numbered from 0)")]
    [TestCase(null, "JOB_COMPLETION_INDEX=2", "JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but the shard count is not; give --shards N or set DESCENT_SHARD_COUNT")]
    [TestCase(null, "SLURM_ARRAY_TASK_ID=2", "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; submit the sweep as a job array (sbatch --array=0-N), or give --shard K/N")]
    public void Bad_shards_are_refused_with_a_message(string? option, string? variable, string expected)
    {
        var env = variable is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [variable.Split('=')[0]] = variable.Split('=')[1] };

        var error = Assert.Throws<SweepException>(() => ShardSelector.Resolve(option, null, n => env.GetValueOrDefault(n)));

        Assert.That(error!.Message, Is.EqualTo(expected));
    }

    [Test]
    public void The_sbatch_script_is_valid_bash_with_an_array_and_the_worker_command()
    {
        var worker = new WorkerCommand("/home/me/descent/descent", "/home/me/experiments/ch7-airfoil.yaml", "http://mlflow:5000", "ch7 airfoil", 2);

        string script = SlurmScript.Create("ch7-airfoil", 8, worker, new SlurmResources("01:00:00"));

        string path = Path.GetTempFileName();
        System.IO.File.WriteAllText(path, script);
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", path]) { RedirectStandardError = true })!;
        bash.WaitForExit();
        Assert.That(bash.ExitCode, Is.EqualTo(0), bash.StandardError.ReadToEnd());
        var lines = script.Split('\n');
        Assert.That(lines[0], Is.EqualTo("#!/bin/bash"));
        Assert.That(lines, Does.Contain("#SBATCH --array=0-7"));
        Assert.That(lines, Does.Contain("#SBATCH --cpus-per-task=2"));
        Assert.That(lines, Does.Contain("#SBATCH --time=01:00:00"));
        Assert.That(lines, Does.Contain("#SBATCH --open-mode=append"));
        Assert.That(lines, Does.Contain("#SBATCH --requeue"));
        Assert.That(lines, Does.Contain("#SBATCH --signal=B:TERM@120"));
        Assert.That(lines, Does.Contain("exec /home/me/descent/descent sweep /home/me/experiments/ch7-airfoil.yaml --parallel 2 --shard \"${SLURM_ARRAY_TASK_ID}/8\" --tracking-uri http://mlflow:5000 --experiment 'ch7 airfoil'"));
    }

    [Test]
    public void The_indexed_job_manifest_parses_and_runs_the_same_worker_command()
    {
        var worker = new WorkerCommand("descent", "experiments/ch7-airfoil.yaml", "http://mlflow:5000", "ch7 airfoil", 2);

        string manifest = IndexedJobManifest.Create("ch7 airfoil", 8, "registry.example/descent:1", worker);

        var yaml = new YamlStream();
        yaml.Load(new StringReader(manifest));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        Assert.That(Scalar(root, "apiVersion"), Is.EqualTo("batch/v1"));
        Assert.That(Scalar(root, "kind"), Is.EqualTo("Job"));
        Assert.That(Scalar(root, "metadata", "name"), Is.EqualTo("descent-ch7-airfoil"));
        Assert.That(Scalar(root, "spec", "completionMode"), Is.EqualTo("Indexed"));
        Assert.That(Scalar(root, "spec", "completions"), Is.EqualTo("8"));
        Assert.That(Scalar(root, "spec", "parallelism"), Is.EqualTo("8"));
        Assert.That(Scalar(root, "spec", "backoffLimitPerIndex"), Is.EqualTo("2"));
        Assert.That(Scalar(root, "spec", "template", "spec", "restartPolicy"), Is.EqualTo("Never"));
        var container = (YamlMappingNode)((YamlSequenceNode)Node(root, "spec", "template", "spec", "containers")).Children.Single();
        Assert.That(Scalar(container, "image"), Is.EqualTo("registry.example/descent:1"));
        var command = ((YamlSequenceNode)container.Children["command"]).Children.Select(c => ((YamlScalarNode)c).Value).ToArray();
        Assert.That(command, Is.EqualTo((worker with { Shard = "$(DESCENT_SHARD_INDEX)/8" }).Arguments));
        var env = ((YamlSequenceNode)container.Children["env"]).Children.Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name"), e => Scalar(e, "valueFrom", "fieldRef", "fieldPath"));
        Assert.That(env, Is.EqualTo(new Dictionary<string, string> { ["DESCENT_SHARD_INDEX"] = "metadata.annotations['batch.kubernetes.io/job-completion-index']" }));

        // The worker command is the same as the sbatch script's, up to how the host is invoked and how the engine names the index.
        var slurmWorker = worker with { Executable = "./descent", Shard = "${SLURM_ARRAY_TASK_ID}/8" };
        Assert.That(slurmWorker.Arguments.Skip(1).Where(a => !a.Contains("/8")), Is.EqualTo(command.Skip(1).Where(a => !a!.Contains("/8"))));
    }

    private static YamlNode Node(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (string key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    private static string Scalar(YamlMappingNode root, params string[] path) => ((YamlScalarNode)Node(root, path)).Value!;
}
