namespace Descent.Plotting;

/// <summary>One workload in a time-to-target picture: a bar per optimizer, in the picture's optimizer order.</summary>
/// <param name="Workload">The workload's name (the group's label on the axis).</param>
/// <param name="Bars">One per optimizer.</param>
public sealed record TimeToTargetGroup(string Workload, IReadOnlyList<TimeToTargetBar> Bars);
