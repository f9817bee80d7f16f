namespace Descent.Contracts;

/// <summary>
/// Creates another loaded optimizer by id (contract 1.1), for an optimizer that composes one (SAM over a base
/// optimizer, a lookahead over an inner one). Ask for it in the optimizer's constructor; the host provides it
/// in each trial's scope.
/// </summary>
public interface IOptimizerFactory
{
    /// <summary>
    /// Optimizer <paramref name="id"/> over <paramref name="parameters"/>, with <paramref name="hyperparameters"/>
    /// given as text and checked as a trial's are (ranges, names, "did you mean"). The caller owns and disposes it.
    /// </summary>
    /// <exception cref="TrialSetupException">The id is unknown or a value is invalid; the message lists every problem.</exception>
    IOptimizer Create(string id, IReadOnlyDictionary<string, string> hyperparameters, ParameterSet parameters);
}
