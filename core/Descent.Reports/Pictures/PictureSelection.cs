using Descent.Reports.Statistics;

namespace Descent.Reports.Pictures;

/// <summary>
/// Which configurations of a group get curves and panels: all of them, unless the group has more than
/// <see cref="ShowAllMax"/> (a search), where each optimizer's best configuration (lowest mean final loss)
/// stands for it; the table still lists every configuration.
/// </summary>
public static class PictureSelection
{
    /// <summary>Above this many configurations only each optimizer's best is drawn.</summary>
    public const int ShowAllMax = 20;

    /// <summary>The configurations to draw, in table order.</summary>
    public static IReadOnlyList<ConfigurationResult> Of(RunGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Configurations.Count <= ShowAllMax)
        {
            return group.Configurations;
        }

        var best = group.Configurations.GroupBy(c => c.Optimizer, StringComparer.Ordinal)
            .Select(g => g.Where(c => c.Statistics.FinalLoss is not null).MinBy(c => c.Statistics.FinalLoss!.Mean))
            .OfType<ConfigurationResult>()
            .ToHashSet();
        return group.Configurations.Where(best.Contains).ToArray();
    }

    /// <summary>What a caption says when not every configuration is drawn; empty when all are.</summary>
    public static string Note(RunGroup group, int drawn)
    {
        ArgumentNullException.ThrowIfNull(group);
        return drawn < group.Configurations.Count
            ? $"The best configuration of each optimizer (lowest mean final loss; all {group.Configurations.Count} are in the table). "
            : "";
    }
}
