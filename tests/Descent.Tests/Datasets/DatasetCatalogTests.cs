using Descent.Contracts;
using Descent.Tests.Support;

namespace Descent.Tests.Datasets;

/// <summary>The bundled dataset plugins load through the real discovery path, with their options and defaults.</summary>
public sealed class DatasetCatalogTests
{
    [Test]
    public void The_three_dataset_plugins_are_bundled()
    {
        var ids = TestEngine.Catalog.OfKind(PluginKind.Dataset).Select(p => p.Id);

        Assert.That(ids, Is.SupersetOf(new[] { "airfoil", "csv", "synthetic-regression" }));
    }

    [TestCase("airfoil", "rows=1500;standardize=true;verify=true;url=https://archive.ics.uci.edu/static/public/291/airfoil+self+noise.zip")]
    [TestCase("csv", "path=;target=;delimiter=auto;header=auto;standardize=false;rows=0;sha256=")]
    [TestCase("synthetic-regression", "rows=1000;weights=2,-3.4;bias=4.2;noise=0.01;seed=0")]
    public void Options_and_defaults_are_as_documented(string id, string defaults)
    {
        var schema = TestEngine.Catalog.Find(id)!.Schema;

        string actual = string.Join(";", schema.Hyperparameters.Select(h => $"{h.Name}={h.DefaultText}"));
        Assert.That(actual, Is.EqualTo(defaults));
    }
}
