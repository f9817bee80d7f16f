namespace Descent.Datasets.Tabular;

/// <summary>A download did not produce the file: no connection, an HTTP error, an archive without the file.</summary>
/// <param name="reason">What went wrong, as a clause: <c>the server answered 404 Not Found</c>.</param>
public sealed class DownloadFailedException(string reason, Exception? innerException = null) : Exception(reason, innerException);
