using Descent.Contracts;

namespace Descent.Engine.Options;

/// <summary>
/// One problem with a trial's configuration, and what it is about: a plugin (by kind and id), one of its
/// hyperparameters, or a training setting. Whoever read the configuration (an experiment file, the command
/// line) points at the subject without reading the message.
/// </summary>
/// <param name="Message">What is wrong, with the value, and how to fix it: <c>optimizer 'sgd': invalid lr = -0.1; valid range is [0, inf)</c>.</param>
public sealed record ConfigurationProblem(string Message)
{
    /// <summary>The kind of plugin the problem is about; null for a training setting or a problem of the whole trial.</summary>
    public PluginKind? Kind { get; init; }

    /// <summary>The plugin id as it was given (which may name no plugin).</summary>
    public string? PluginId { get; init; }

    /// <summary>The hyperparameter (option) of that plugin the problem is about; null when it is about the plugin as a whole.</summary>
    public string? Hyperparameter { get; init; }

    /// <summary>The training setting the problem is about, named as files write it: <c>steps</c>, <c>epochs</c>, <c>batch_size</c>, <c>record_every</c>, <c>dtype</c> or <c>device</c>.</summary>
    public string? Setting { get; init; }

    /// <summary>A problem about the plugin <paramref name="id"/> of kind <paramref name="kind"/>, or one of its hyperparameters.</summary>
    public static ConfigurationProblem OfPlugin(PluginKind kind, string id, string message, string? hyperparameter = null) =>
        new(message) { Kind = kind, PluginId = id, Hyperparameter = hyperparameter };

    /// <summary>A problem about the training setting <paramref name="setting"/>.</summary>
    public static ConfigurationProblem OfSetting(string setting, string message) => new(message) { Setting = setting };

    /// <inheritdoc />
    public override string ToString() => Message;
}
