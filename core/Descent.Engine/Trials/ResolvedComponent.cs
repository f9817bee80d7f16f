using Descent.Engine.Options;
using Descent.Engine.Plugins;

namespace Descent.Engine.Trials;

/// <summary>A plugin chosen for a trial, with its bound options.</summary>
public sealed record ResolvedComponent(LoadedPlugin Plugin, BoundOptions Options)
{
    /// <summary>The plugin's id.</summary>
    public string Id => Plugin.Id;
}
