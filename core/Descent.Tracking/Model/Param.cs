namespace Descent.Tracking.Model;

/// <summary>A run parameter: immutable once logged (MLflow rejects a different value for the same key).</summary>
public readonly record struct Param(string Key, string Value);
