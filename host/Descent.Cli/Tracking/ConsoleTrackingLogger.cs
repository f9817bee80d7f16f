using Microsoft.Extensions.Logging;

namespace Descent.Cli.Tracking;

/// <summary>Tracking's warnings as one <c>warning: ...</c> line each on the error stream; retries and the rest stay quiet.</summary>
internal sealed class ConsoleTrackingLogger(CliConsole console) : ILogger
{
    private readonly object gate = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        lock (gate)
        {
            console.Warn(Descent.Tracking.TrackingUri.Scrub(formatter(state, null)));
        }
    }
}
