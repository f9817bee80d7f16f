namespace Descent.Tracking;

/// <summary>Descent's own tags: all start with <c>descent.</c> so the MLflow UI shows them and filters can use them.</summary>
public static class DescentTags
{
    /// <summary>Names where a run came from (a client-chosen id); matches a spooled or local run with its copy on a server.</summary>
    public const string Origin = "descent.origin";

    /// <summary><see cref="Engine.Trials.TrialIdentity.Hash"/> of the trial's resolved configuration.</summary>
    public const string TrialHash = "descent.trial_hash";

    /// <summary>How the trial ended: <c>finished</c>, <c>diverged</c>, <c>failed</c> or <c>killed</c> (filter: <c>tags.descent.status = 'diverged'</c>).</summary>
    public const string Status = "descent.status";

    /// <summary>For failed trials: what went wrong, in one line.</summary>
    public const string Error = "descent.error";

    /// <summary>The Descent version that ran the trial.</summary>
    public const string Version = "descent.version";

    /// <summary>TorchSharp's version.</summary>
    public const string TorchSharpVersion = "descent.torchsharp.version";

    /// <summary>libtorch's version.</summary>
    public const string LibTorchVersion = "descent.libtorch.version";

    /// <summary>The operating system.</summary>
    public const string Os = "descent.os";

    /// <summary>The CPU model and logical core count.</summary>
    public const string Cpu = "descent.cpu";

    /// <summary>The .NET runtime.</summary>
    public const string Runtime = "descent.dotnet";

    /// <summary>The device the trial computed on (<c>cpu</c>, <c>cuda:0</c>).</summary>
    public const string Device = "descent.device";

    /// <summary><c>descent.&lt;role&gt;.version</c> for the optimizer, objective and dataset plugins.</summary>
    public static string PluginVersion(string role) => $"descent.{role}.version";

    /// <summary><c>descent.&lt;role&gt;.sha256</c>: the SHA-256 of the plugin's assembly.</summary>
    public static string PluginSha256(string role) => $"descent.{role}.sha256";
}
