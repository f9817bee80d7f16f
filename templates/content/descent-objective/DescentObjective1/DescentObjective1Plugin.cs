using Descent.Contracts;

namespace DescentObjective1;

/// <summary>The plugin's entry point: its id (used in experiment files and MLflow), version and description.</summary>
public sealed class DescentObjective1Plugin() : ObjectivePlugin<DescentObjective1Objective, DescentObjective1Options>(
    id: "descentobjective1",
    version: "1.0.0",
    description: "Himmelblau's function (x^2 + y - 11)^2 + (x + y^2 - 7)^2: four minima of 0");
