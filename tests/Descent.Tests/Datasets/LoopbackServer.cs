using Descent.Cli.Bench;

namespace Descent.Tests.Datasets;

/// <summary>
/// A download server on 127.0.0.1 for download tests (no internet is needed or used): every request gets
/// the same status and body. Built on the host's <see cref="LoopbackHttpServer"/>.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly LoopbackHttpServer server;

    /// <summary>Starts serving <paramref name="body"/> with <paramref name="status"/>.</summary>
    public LoopbackServer(byte[] body, int status = 200) => server = new LoopbackHttpServer(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    });

    /// <summary>How many requests it received.</summary>
    public int Requests => (int)server.Requests;

    /// <summary>The address of <paramref name="path"/> on this server.</summary>
    public string Url(string path) => $"{server.Uri}{path}";

    /// <summary>A loopback port nothing listens on (for "connection refused").</summary>
    public static int FreePort() => LoopbackHttpServer.FreePort();

    /// <inheritdoc />
    public void Dispose() => server.Dispose();
}
