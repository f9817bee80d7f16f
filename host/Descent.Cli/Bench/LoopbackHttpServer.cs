using System.Net;
using System.Net.Sockets;

namespace Descent.Cli.Bench;

/// <summary>
/// An HTTP server on a free 127.0.0.1 port (HttpListener) that hands every request to one handler, each
/// on the thread pool, and counts them. The benchmarks' MLflow server and the tests' download servers are
/// built on it; nothing leaves the machine.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<HttpListenerContext, Task> handle;
    private readonly Task serving;
    private long requests;

    /// <summary>Starts serving; <paramref name="handle"/> answers and closes each response.</summary>
    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        this.handle = handle;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Its base address.</summary>
    public Uri Uri => new($"http://127.0.0.1:{Port}");

    /// <summary>Requests received.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>A loopback port nothing listens on now (also for "connection refused").</summary>
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
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
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
            _ = Task.Run(() => handle(context));
        }
    }
}
