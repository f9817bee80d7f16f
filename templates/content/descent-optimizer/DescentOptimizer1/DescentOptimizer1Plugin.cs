using Descent.Contracts;

namespace DescentOptimizer1;

/// <summary>The plugin's entry point: its id (used in experiment files and MLflow), version and description.</summary>
public sealed class DescentOptimizer1Plugin() : OptimizerPlugin<DescentOptimizer1Optimizer, DescentOptimizer1Options>(
    id: "descentoptimizer1",
    version: "1.0.0",
    description: "Lion (Chen et al. 2023): the sign of an interpolated momentum");
