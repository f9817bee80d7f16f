using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Descent.Tests.Tracking.Support;

/// <summary>Keeps every formatted log line (with its exception's text), for assertions.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> lines = new();

    public IReadOnlyList<string> Lines => lines.Select(l => l.Line).ToArray();

    public IReadOnlyList<string> Warnings => lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Line).ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : $" {exception}")));
}
