using System.Net;
using System.Net.Sockets;

namespace Descent.Tests.Datasets;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 for download tests (no internet is needed or used): every request gets
/// the same status and body. Counts requests.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly int status;
    private readonly byte[] body;
    private readonly Task loop;
    private int requests;

    /// <summary>Starts serving <paramref name="body"/> with <paramref name="status"/>.</summary>
    public LoopbackServer(byte[] body, int status = 200)
    {
        this.body = body;
        this.status = status;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(Serve);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>How many requests it answered.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>The address of <paramref name="path"/> on this server.</summary>
    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    /// <summary>A loopback port nothing listens on (for "connection refused").</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref requests);
            context.Response.StatusCode = status;
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
