using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Registers the <c>rastrigin</c> objective.</summary>
public sealed class RastriginPlugin() : ObjectivePlugin<Rastrigin, RastriginOptions>(
    id: "rastrigin",
    version: "1.0.0",
    description: "Rastrigin's egg-crate of local minima; global minimum 0 at the origin (Rastrigin 1974)");
