using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Registers the <c>cube1d</c> objective.</summary>
public sealed class Cube1dPlugin() : ObjectivePlugin<Cube1d, Cube1dOptions>(
    id: "cube1d",
    version: "1.0.0",
    description: "x^3: a saddle point at 0 where the gradient vanishes (d2l 7.1)");
