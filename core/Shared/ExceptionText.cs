using System.Reflection;

namespace Descent;

/// <summary>
/// An exception as one line for a message, a tag or a log: the innermost meaningful exception (reflection
/// and type-initializer wrappers removed), its message on one line, the inner message of an HTTP failure
/// (the socket's reason) when the outer one does not already say it, and on request the exception's type.
/// One source file, compiled into each assembly that reports exceptions (they share no assembly below them).
/// </summary>
internal static class ExceptionText
{
    /// <summary>The line, e.g. <c>Connection refused (HttpRequestException)</c>.</summary>
    /// <param name="e">The exception.</param>
    /// <param name="withType">Append the exception's type name in parentheses.</param>
    public static string OneLine(Exception e, bool withType = true)
    {
        ArgumentNullException.ThrowIfNull(e);
        while (e is TargetInvocationException or TypeInitializationException && e.InnerException is not null)
        {
            e = e.InnerException;
        }

        string message = e is HttpRequestException { InnerException: { Message.Length: > 0 } inner } && !e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{e.Message.TrimEnd('.')}: {inner.Message}"
            : e.Message;
        message = message.ReplaceLineEndings(" ").Trim();
        return withType ? $"{message} ({e.GetType().Name})" : message;
    }
}
