using Descent.Sweeps.Sharding;
using YamlDotNet.RepresentationModel;

namespace Descent.Sweeps.Sharding;

/// <summary>
/// A Kubernetes Indexed Job (batch/v1) that runs a sweep: one pod per shard, each told its index by
/// <c>JOB_COMPLETION_INDEX</c> and the count by <c>DESCENT_SHARD_COUNT</c>.
/// </summary>
public static class IndexedJobManifest
{
    /// <summary>The manifest as YAML.</summary>
    /// <param name="name">Job name (the experiment's; made DNS-safe).</param>
    /// <param name="shards">Completions and parallelism.</param>
    /// <param name="image">Container image holding Descent and the experiment file.</param>
    /// <param name="command">The worker command each pod runs.</param>
    public static string Create(string name, int shards, string image, WorkerCommand command)
    {
        string job = DnsName("descent-" + name);
        var container = new YamlMappingNode
        {
            { "name", "descent" },
            { "image", image },
            { "command", new YamlSequenceNode(command.Arguments.Select(a => new YamlScalarNode(a) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted })) },
            {
                "env", new YamlSequenceNode(new YamlMappingNode
                {
                    { "name", ShardSelector.ShardCountVariable },
                    { "value", new YamlScalarNode(shards.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted } },
                })
            },
            {
                "resources", new YamlMappingNode
                {
                    { "requests", new YamlMappingNode { { "cpu", command.Parallel.ToString(System.Globalization.CultureInfo.InvariantCulture) } } },
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
                    { "completions", shards.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    { "parallelism", shards.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    { "backoffLimit", "2" },
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
        text.WriteLine("# Runs one shard per pod; every shard must log to the same tracking server (--tracking-uri http://...).");
        stream.Save(text, assignAnchors: false);
        return text.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    private static string DnsName(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        string name = new string(chars).Trim('-');
        return name.Length <= 63 ? name : name[..63].TrimEnd('-');
    }
}
