using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;

namespace Descent.Datasets.Tabular;

/// <summary>
/// Downloads a data file (plain, or inside a zip archive) into a cache directory: into a temporary file
/// next to the target, checked against the accepted checksums, then renamed onto the target, which is
/// atomic. So the target is either absent or a verified file, whatever number of trials or processes
/// download at once; a file that fails the check is deleted, never cached.
/// </summary>
public static class DataFileDownloader
{
    private static readonly byte[] ZipSignature = "PK\u0003\u0004"u8.ToArray();
    private static readonly HttpClient Client = CreateClient();
    private static readonly ConcurrentDictionary<string, object> Locks = new(StringComparer.Ordinal);

    /// <summary>Downloads <paramref name="url"/> to <paramref name="targetPath"/> unless a verified copy is already there.</summary>
    /// <param name="url">Where the file, or a zip archive holding it, is served.</param>
    /// <param name="entryName">The file's name inside a zip archive (any folder).</param>
    /// <param name="targetPath">Where the verified file goes; its directory is created when missing.</param>
    /// <param name="acceptedSha256">The checksums (lower-case hex) of the accepted versions.</param>
    /// <exception cref="DownloadFailedException">No file came: connection, HTTP status, archive content.</exception>
    /// <exception cref="ChecksumMismatchException">A file came, but not an accepted one; nothing was cached.</exception>
    public static void Download(Uri url, string entryName, string targetPath, IReadOnlyCollection<string> acceptedSha256)
    {
        string fullTarget = Path.GetFullPath(targetPath);
        lock (Locks.GetOrAdd(fullTarget, _ => new object()))
        {
            if (File.Exists(fullTarget) && acceptedSha256.Contains(FileSha256.OfFile(fullTarget)))
            {
                return; // another trial of this process downloaded it meanwhile
            }

            string directory = Path.GetDirectoryName(fullTarget)!;
            Directory.CreateDirectory(directory);
            string stem = Path.Combine(directory, $".{Path.GetFileName(fullTarget)}.{Guid.NewGuid():N}");
            string download = stem + ".download";
            string extracted = stem + ".part";
            try
            {
                Fetch(url, download);
                Extract(download, entryName, extracted);
                string sha256 = FileSha256.OfFile(extracted);
                if (!acceptedSha256.Contains(sha256))
                {
                    throw new ChecksumMismatchException(sha256);
                }

                File.Move(extracted, fullTarget, overwrite: true);
            }
            finally
            {
                File.Delete(download);
                File.Delete(extracted);
            }
        }
    }

    private static HttpClient CreateClient()
    {
        var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Descent-datasets/1.0"); // some servers refuse requests without one
        return client;
    }

    private static void Fetch(Uri url, string path)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                throw new DownloadFailedException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}");
            }

            using var body = response.Content.ReadAsStream();
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            body.CopyTo(file);
        }
        catch (HttpRequestException e)
        {
            throw new DownloadFailedException(e.Message, e);
        }
        catch (OperationCanceledException e)
        {
            throw new DownloadFailedException($"no complete answer within {Client.Timeout.TotalSeconds:0} s", e);
        }
        catch (IOException e) when (e.InnerException is WebException or HttpRequestException or System.Net.Sockets.SocketException)
        {
            throw new DownloadFailedException($"the connection broke off: {e.Message}", e);
        }
    }

    /// <summary>Leaves the file at <paramref name="extracted"/>: the download itself, or its entry when it is a zip archive.</summary>
    private static void Extract(string download, string entryName, string extracted)
    {
        if (!IsZip(download))
        {
            File.Move(download, extracted);
            return;
        }

        try
        {
            using var archive = ZipFile.OpenRead(download);
            var entry = archive.Entries.FirstOrDefault(e => string.Equals(e.Name, entryName, StringComparison.Ordinal))
                ?? throw new DownloadFailedException(
                    $"the zip archive holds no {entryName} (it holds: {string.Join(", ", archive.Entries.Select(e => e.FullName))})");
            entry.ExtractToFile(extracted);
        }
        catch (InvalidDataException e)
        {
            throw new DownloadFailedException($"the zip archive is damaged ({e.Message})", e);
        }
    }

    private static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(ZipSignature);
    }
}
