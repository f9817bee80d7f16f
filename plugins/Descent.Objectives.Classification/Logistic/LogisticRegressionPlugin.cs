using Descent.Contracts;

namespace Descent.Objectives.Classification;

/// <summary>Registers the <c>logistic-regression</c> objective.</summary>
public sealed class LogisticRegressionPlugin() : ObjectivePlugin<LogisticRegression, LogisticRegressionOptions>(
    id: "logistic-regression",
    version: "1.0.0",
    description: "softmax regression on the flattened input (nn.Linear, PyTorch's default init), cross-entropy loss, top-1 accuracy",
    requiresDataset: true);
