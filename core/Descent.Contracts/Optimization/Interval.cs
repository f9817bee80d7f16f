namespace Descent.Contracts;

/// <summary>A closed interval of one coordinate.</summary>
public readonly record struct Interval(double Lower, double Upper);
