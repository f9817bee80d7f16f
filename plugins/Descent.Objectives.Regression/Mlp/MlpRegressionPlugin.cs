using Descent.Contracts;

namespace Descent.Objectives.Regression;

/// <summary>Registers the <c>mlp-regression</c> objective.</summary>
public sealed class MlpRegressionPlugin() : ObjectivePlugin<MlpRegression, MlpRegressionOptions>(
    id: "mlp-regression",
    version: "1.0.0",
    description: "multilayer perceptron regression with squared loss / 2; hidden widths and activation configurable",
    requiresDataset: true);
