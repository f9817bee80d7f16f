using System.Globalization;
using Descent.Reports.Pictures;
using Descent.Reports.Statistics;

namespace Descent.Tests.Reports;

/// <summary>Which configurations get curves and panels: all, or for a search each optimizer's best.</summary>
public sealed class PictureSelectionTests
{
    [Test]
    public void A_group_of_up_to_twenty_configurations_draws_them_all()
    {
        var group = Group(sgdRates: 19);

        Assert.That(PictureSelection.Of(group), Is.EqualTo(group.Configurations));
        Assert.That(PictureSelection.Note(group, group.Configurations.Count), Is.Empty);
    }

    [Test]
    public void A_search_draws_the_best_configuration_of_each_optimizer_in_table_order()
    {
        var group = Group(sgdRates: 24);

        var drawn = PictureSelection.Of(group).Select(c => c.Label);

        // sgd's final loss is lowest at lr = 0.0128 (k = 12 below); adam has one configuration.
        Assert.That(drawn, Is.EqualTo(new[] { "sgd lr=0.0128", "adam lr=0.01" }));
        Assert.That(PictureSelection.Note(group, 2), Does.Contain("all 25 are in the table"));
    }

    private static RunGroup Group(int sgdRates)
    {
        var runs = Enumerable.Range(1, sgdRates)
            .Select(k =>
            {
                string lr = (k * 0.001 + 0.0008).ToString("0.####", CultureInfo.InvariantCulture);
                return ReportRuns.Finished($"sgd lr={lr}", 0.25 + Math.Abs(k - 12) * 0.001, ReportRuns.Airfoil("sgd", lr));
            })
            .Append(ReportRuns.Finished("adam lr=0.01", 0.26, ReportRuns.Airfoil("adam", "0.01")))
            .ToArray();
        return RunGrouping.Group(runs).Single();
    }
}
