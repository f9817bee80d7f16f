namespace Descent.Contracts;

/// <summary>
/// The version of the plugin contracts. A plugin records the version it was compiled against
/// (through <see cref="PluginManifest.ContractVersion"/> and its reference to this assembly);
/// the host loads it when the major versions are equal and the plugin's minor version is not newer.
/// </summary>
/// <remarks>
/// 1.1 (additive): learning-rate schedules (<see cref="PluginKind.Schedule"/>, <see cref="ILearningRateSchedule"/>),
/// optimizers whose learning rate the host sets before each step (<see cref="IScheduledOptimizer"/>), and
/// optimizers that step with a closure (<see cref="IClosureOptimizer"/>). A 1.0 plugin still loads and runs
/// with a constant learning rate.
/// </remarks>
public static class ContractInfo
{
    /// <summary>Incremented on a breaking change.</summary>
    public const int Major = 1;

    /// <summary>Incremented on an additive change.</summary>
    public const int Minor = 1;

    /// <summary><c>Major.Minor</c>; baked into a plugin's manifest when it is compiled.</summary>
    public const string Version = "1.1";
}
