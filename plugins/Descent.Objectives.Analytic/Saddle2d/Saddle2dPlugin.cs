using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Registers the <c>saddle2d</c> objective.</summary>
public sealed class Saddle2dPlugin() : ObjectivePlugin<Saddle2d, Saddle2dOptions>(
    id: "saddle2d",
    version: "1.0.0",
    description: "x1^2 - x2^2, a saddle point at the origin (d2l 7.1)");
