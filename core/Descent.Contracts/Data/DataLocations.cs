namespace Descent.Contracts;

/// <summary>Where dataset plugins look for files, in order, and whether they may download missing ones.</summary>
/// <param name="SearchDirectories">Directories to search, most specific first.</param>
/// <param name="CacheDirectory">Where downloads are written; null when there is nowhere to write.</param>
/// <param name="AllowDownload">False when offline.</param>
public sealed record DataLocations(IReadOnlyList<string> SearchDirectories, string? CacheDirectory, bool AllowDownload)
{
    /// <summary>No directories, no downloads.</summary>
    public static DataLocations None { get; } = new([], null, false);
}
