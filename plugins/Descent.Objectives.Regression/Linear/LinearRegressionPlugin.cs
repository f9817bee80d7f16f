using Descent.Contracts;

namespace Descent.Objectives.Regression;

/// <summary>Registers the <c>linear-regression</c> objective.</summary>
public sealed class LinearRegressionPlugin() : ObjectivePlugin<LinearRegression, LinearRegressionOptions>(
    id: "linear-regression",
    version: "1.0.0",
    description: "linear regression with squared loss / 2, w ~ N(0, 0.01^2), b = 0 (d2l 7.3)",
    requiresDataset: true);
