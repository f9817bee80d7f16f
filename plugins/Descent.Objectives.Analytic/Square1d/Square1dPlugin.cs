using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Registers the <c>square1d</c> objective.</summary>
public sealed class Square1dPlugin() : ObjectivePlugin<Square1d, Square1dOptions>(
    id: "square1d",
    version: "1.0.0",
    description: "x^2, the chapter's one-dimensional gradient descent example (d2l 7.2)");
