namespace Descent.Tracking.Model;

/// <summary>A run tag (last write wins).</summary>
public readonly record struct RunTag(string Key, string Value);
