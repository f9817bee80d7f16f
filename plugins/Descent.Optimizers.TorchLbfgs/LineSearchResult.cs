using static TorchSharp.torch;

namespace Descent.Optimizers.TorchLbfgs;

/// <summary>What <see cref="StrongWolfe.Search"/> found: the step t, the loss and gradient at x + t·d, and how many closure calls it took.</summary>
internal readonly record struct LineSearchResult(double Loss, Tensor Gradient, double Step, int Evaluations);
