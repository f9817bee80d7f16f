namespace Descent.Engine.Options;

/// <summary>An options instance filled from user values, and every hyperparameter's final value.</summary>
/// <param name="Instance">The options object handed to the plugin.</param>
/// <param name="Typed">Every declared hyperparameter (given or default) as the instance holds it (<c>double</c>, <c>int</c>, <c>double[]</c> ...), in declaration order.</param>
public sealed record BoundOptions(object Instance, IReadOnlyList<KeyValuePair<string, object?>> Typed)
{
    /// <summary>
    /// <see cref="Typed"/> as text, formatted by <see cref="ValueFormat"/> when it is read: what MLflow params,
    /// the trial identity and listings write.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values =>
        Typed.Select(v => new KeyValuePair<string, string>(v.Key, ValueFormat.Value(v.Value))).ToArray();
}
