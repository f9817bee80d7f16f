using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Descent.Sweeps.Sharding;

/// <summary>
/// A Kubernetes Indexed Job (batch/v1) that runs a sweep: one pod per shard, each passed its completion
/// index explicitly as the shard (<c>--shard $(DESCENT_SHARD_INDEX)/N</c>, the variable read from the pod's
/// <c>batch.kubernetes.io/job-completion-index</c> annotation). Pods are never restarted in place
/// (<c>restartPolicy: Never</c>); a failed index gets a new pod up to <see cref="BackoffLimitPerIndex"/> times,
/// alone, without failing the other indexes (<c>backoffLimitPerIndex</c>, Kubernetes 1.29 and later).
/// </summary>
public static class IndexedJobManifest
{
    /// <summary>The variable each pod reads its completion index from.</summary>
    public const string IndexVariable = "DESCENT_SHARD_INDEX";

    /// <summary>New pods a failed index gets before the index counts as failed.</summary>
    public const int BackoffLimitPerIndex = 2;

    /// <summary>The manifest as YAML.</summary>
    /// <param name="name">Job name (the experiment's; made DNS-safe).</param>
    /// <param name="shards">Completions and parallelism.</param>
    /// <param name="image">Container image holding Descent and the experiment file.</param>
    /// <param name="command">The worker command each pod runs (its paths as the image sees them).</param>
    public static string Create(string name, int shards, string image, WorkerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        string job = DnsName("descent-" + name);
        var worker = command with { Shard = ShardArgument(shards) };
        var container = new YamlMappingNode
        {
            { "name", "descent" },
            { "image", image },
            { "command", new YamlSequenceNode(worker.Arguments.Select(Quoted)) },
            {
                "env", new YamlSequenceNode(new YamlMappingNode
                {
                    { "name", IndexVariable },
                    {
                        "valueFrom", new YamlMappingNode
                        {
                            { "fieldRef", new YamlMappingNode { { "fieldPath", "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
                        }
                    },
                })
            },
            {
                "resources", new YamlMappingNode
                {
                    { "requests", new YamlMappingNode { { "cpu", Number(command.Parallel) } } },
                }
            },
        };
        var manifest = new YamlMappingNode
        {
            { "apiVersion", "batch/v1" },
            { "kind", "Job" },
            { "metadata", new YamlMappingNode { { "name", job }, { "labels", new YamlMappingNode { { "app.kubernetes.io/name", "descent" } } } } },
            {
                "spec", new YamlMappingNode
                {
                    { "completionMode", "Indexed" },
                    { "completions", Number(shards) },
                    { "parallelism", Number(shards) },
                    { "backoffLimitPerIndex", Number(BackoffLimitPerIndex) },
                    {
                        "template", new YamlMappingNode
                        {
                            { "spec", new YamlMappingNode { { "restartPolicy", "Never" }, { "containers", new YamlSequenceNode(container) } } },
                        }
                    },
                }
            },
        };

        var stream = new YamlStream(new YamlDocument(manifest));
        var text = new StringWriter();
        text.WriteLine("# Runs one shard per pod, the completion index as the shard; every shard must log to the same tracking server (--tracking-uri http://...).");
        text.WriteLine($"# A failed index gets a new pod, alone, up to {BackoffLimitPerIndex} times (backoffLimitPerIndex: Kubernetes 1.29+); a finished index is never rerun.");
        stream.Save(text, assignAnchors: false);
        return text.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The <c>--shard</c> value of a pod: its completion index, of <paramref name="shards"/> (Kubernetes expands <c>$(VAR)</c> in a command).</summary>
    public static string ShardArgument(int shards) => $"$({IndexVariable})/{shards.ToString(CultureInfo.InvariantCulture)}";

    private static YamlScalarNode Quoted(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };

    private static YamlScalarNode Number(int value) => new(value.ToString(CultureInfo.InvariantCulture));

    private static string DnsName(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        string name = new string(chars).Trim('-');
        return name.Length <= 63 ? name : name[..63].TrimEnd('-');
    }
}
