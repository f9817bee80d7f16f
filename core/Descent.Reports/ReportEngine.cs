using Descent.Engine.Plugins;

namespace Descent.Reports;

/// <summary>
/// The loaded plugins and the engine's services: what the report needs to sample an analytic objective's
/// surface under its trajectories. Without one, the report has no trajectory panels.
/// </summary>
/// <param name="Catalog">The loaded plugins.</param>
/// <param name="Services">The engine's root service provider.</param>
public sealed record ReportEngine(PluginCatalog Catalog, IServiceProvider Services);
