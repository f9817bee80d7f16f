using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Registers the <c>quadratic2d</c> objective.</summary>
public sealed class Quadratic2dPlugin() : ObjectivePlugin<Quadratic2d, Quadratic2dOptions>(
    id: "quadratic2d",
    version: "1.0.0",
    description: "a x1^2 + b x2^2; the chapter uses a=1, b=2 and the ill-conditioned a=0.1, b=2 (d2l 7.2, 7.4)");
