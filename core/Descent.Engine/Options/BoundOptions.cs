namespace Descent.Engine.Options;

/// <summary>An options instance filled from user values, and every hyperparameter's final value as text.</summary>
/// <param name="Instance">The options object handed to the plugin.</param>
/// <param name="Values">Every declared hyperparameter (given or default), formatted by <see cref="ValueFormat"/>, in declaration order.</param>
public sealed record BoundOptions(object Instance, IReadOnlyList<KeyValuePair<string, string>> Values);
