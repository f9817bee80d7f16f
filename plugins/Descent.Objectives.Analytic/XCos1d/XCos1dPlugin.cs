using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Registers the <c>xcos1d</c> objective.</summary>
public sealed class XCos1dPlugin() : ObjectivePlugin<XCos1d, XCos1dOptions>(
    id: "xcos1d",
    version: "1.0.0",
    description: "x cos(pi x): a local minimum near -0.3 and the global one near 1.1 on [-1, 2] (d2l 7.1)");
