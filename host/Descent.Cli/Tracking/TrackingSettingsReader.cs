using System.CommandLine;
using Descent.Tracking;

namespace Descent.Cli.Tracking;

/// <summary>Tracking settings from the command line and the environment; an unusable value is a usage error (exit 2).</summary>
internal static class TrackingSettingsReader
{
    public static TrackingSettings Read(ParseResult parsed, string? trackingUri = null) =>
        Read(trackingUri ?? parsed.GetValue(TrackingOptions.TrackingUri), parsed.GetValue(TrackingOptions.Experiment));

    public static TrackingSettings Read(string? trackingUri, string? experiment)
    {
        try
        {
            return TrackingSettings.Resolve(trackingUri, experiment, sourceName: "descent");
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
