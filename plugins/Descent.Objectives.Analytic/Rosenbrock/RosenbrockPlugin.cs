using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Registers the <c>rosenbrock</c> objective.</summary>
public sealed class RosenbrockPlugin() : ObjectivePlugin<Rosenbrock, RosenbrockOptions>(
    id: "rosenbrock",
    version: "1.0.0",
    description: "Rosenbrock's banana valley in n >= 2 dimensions; minimum 0 at (a, a^2, ...) (Rosenbrock 1960)");
