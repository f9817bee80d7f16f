namespace Descent.Contracts;

/// <summary>What a plugin contributes to a trial.</summary>
public enum PluginKind
{
    /// <summary>Updates parameters from their gradients (<see cref="IOptimizer"/>).</summary>
    Optimizer,

    /// <summary>Owns the parameters and computes the loss (<see cref="IObjective"/>).</summary>
    Objective,

    /// <summary>Provides features and labels (<see cref="IDataset"/>).</summary>
    Dataset,

    /// <summary>Sets the optimizer's learning rate before each step (<see cref="ILearningRateSchedule"/>); contract 1.1.</summary>
    Schedule,
}
