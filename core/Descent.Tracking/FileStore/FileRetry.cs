namespace Descent.Tracking.FileStore;

/// <summary>
/// Runs a file operation again while another process holds the file locked. Writers take an exclusive
/// lock (<see cref="FileShare.None"/>, <c>flock</c> on Unix) around appends, so a reader or a second
/// writer may briefly find the file busy. Only that is retried; any other error is thrown at once.
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
            catch (IOException e) when (IsSharingViolation(e) && DateTime.UtcNow - started < Patience)
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

    /// <summary>
    /// The file is locked by another handle: EWOULDBLOCK (11) from <c>flock</c> on Linux (35 on macOS),
    /// ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33) on Windows.
    /// </summary>
    private static bool IsSharingViolation(IOException e) =>
        e.GetType() == typeof(IOException) && (OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult is 11 or 35);
}
