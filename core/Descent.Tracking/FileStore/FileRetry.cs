namespace Descent.Tracking.FileStore;

/// <summary>
/// Runs a file operation again while another process holds the file locked. Writers take an exclusive
/// lock (<see cref="FileShare.None"/>, <c>flock</c> on Unix) around appends and replacements, so a
/// reader or a second writer may briefly find the file busy.
/// </summary>
internal static class FileRetry
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static T Run<T>(Func<T> operation)
    {
        var started = DateTime.UtcNow;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return operation();
            }
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
                                        && DateTime.UtcNow - started < Patience)
            {
                Thread.Sleep(Math.Min(1 + attempt, 20));
            }
        }
    }

    public static void Run(Action operation) => Run(() =>
    {
        operation();
        return true;
    });
}
