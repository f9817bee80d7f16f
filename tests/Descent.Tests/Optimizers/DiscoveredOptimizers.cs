using Descent.Contracts;
using Descent.Tests.Support;

namespace Descent.Tests.Optimizers;

/// <summary>
/// Every optimizer plugin the bundled catalog discovers (<see cref="TestEngine.Catalog"/>, the host's loading
/// path), ordered by id: the case list of the tests that must cover every optimizer, so a new plugin is
/// covered without editing them.
/// </summary>
public sealed class DiscoveredOptimizers
{
    /// <summary>The optimizers bundled today: the discovered list may grow, never lose one of these.</summary>
    private static readonly string[] BundledToday =
    [
        "adadelta", "adagrad", "adam", "momentum", "rmsprop", "sgd",
        "torch-adadelta", "torch-adagrad", "torch-adam", "torch-adamw", "torch-lbfgs", "torch-rmsprop", "torch-sgd",
    ];

    /// <summary>The ids of the discovered optimizer plugins.</summary>
    public static IEnumerable<string> Ids() => TestEngine.Catalog.OfKind(PluginKind.Optimizer).Select(p => p.Id);

    /// <summary>True when the optimizer declares a hyperparameter called <paramref name="name"/>.</summary>
    public static bool Declares(string optimizer, string name) => TestEngine.Catalog.Find(optimizer)!.Schema.Find(name) is not null;

    /// <summary>A plugin that failed to load would silently drop its cases; this guard makes that loud.</summary>
    [Test]
    public void Every_bundled_optimizer_is_discovered_without_failures()
    {
        Assert.That(TestEngine.Catalog.Failures, Is.Empty);
        Assert.That(Ids(), Is.SupersetOf(BundledToday));
    }
}
