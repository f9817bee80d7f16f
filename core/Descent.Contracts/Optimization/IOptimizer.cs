namespace Descent.Contracts;

/// <summary>
/// An optimizer, created once per trial for one <see cref="ParameterSet"/>.
/// The trial loop zeroes the gradients, runs <c>loss.backward()</c>, then calls <see cref="Step"/>.
/// </summary>
/// <remarks>
/// Memory: state that lives across steps is created detached from any dispose scope (or in the
/// constructor) and disposed in <see cref="IDisposable.Dispose"/>; temporaries created inside
/// <see cref="Step"/> belong to the step's dispose scope.
/// </remarks>
public interface IOptimizer : IDisposable
{
    /// <summary>Updates every parameter that has a gradient. Called with gradients already computed.</summary>
    void Step();

    /// <summary>Writes the optimizer's state (step count, moment estimates, ...) so that
    /// <see cref="LoadState"/> on a fresh optimizer over equal parameters continues bit for bit.</summary>
    void SaveState(Stream stream);

    /// <summary>Restores state written by <see cref="SaveState"/> of the same optimizer type.</summary>
    void LoadState(Stream stream);
}
