namespace Descent.Tests.Tracking.Fakes;

/// <summary>An experiment held by the fake server.</summary>
public sealed record FakeExperiment(string ExperimentId, string Name, string ArtifactLocation, string LifecycleStage, long CreationTime);
