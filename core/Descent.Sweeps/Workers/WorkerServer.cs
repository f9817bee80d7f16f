using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Descent.Contracts;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;

namespace Descent.Sweeps.Workers;

/// <summary>
/// The loop of a worker process (<c>descent worker</c>): says it is ready, then runs the trials the
/// coordinator sends, one at a time, with the plugins it loaded once, and streams each trial's events back
/// (<see cref="WorkerMessages"/>). A <c>cancel</c> line stops the running trial (it ends as killed). When
/// its input closes (the coordinator finished, or died) the process exits at once, trial or no trial.
/// </summary>
public sealed class WorkerServer(PluginCatalog catalog, TrialRunner runner)
{
    private readonly object gate = new();
    private CancellationTokenSource? current;

    /// <summary>Serves until <paramref name="input"/> ends; <paramref name="exit"/> ends the process (called when the input ends).</summary>
    public void Serve(Stream input, Stream output, Action exit)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var requests = new BlockingCollection<JsonElement>();
        void Send(byte[] line)
        {
            lock (output)
            {
                output.Write(line);
                output.Flush();
            }
        }

        var reader = new Thread(() => Read(input, requests, exit)) { IsBackground = true, Name = "descent-worker-input" };
        reader.Start();
        Send(WorkerMessages.Line(WorkerMessages.Ready, json => json.WriteNumber("pid", Environment.ProcessId)));
        foreach (var request in requests.GetConsumingEnumerable())
        {
            using var cancellation = new CancellationTokenSource();
            lock (gate)
            {
                current = cancellation;
            }

            RunOne(request, new ProtocolObserver(Send, Stopwatch.StartNew()), cancellation.Token);
            lock (gate)
            {
                current = null;
            }
        }
    }

    private void RunOne(JsonElement request, ProtocolObserver observer, CancellationToken cancellation)
    {
        try
        {
            var trial = TrialResolver.Resolve(TrialSpecWire.Read(request.GetProperty("spec")), catalog);
            string expected = request.GetProperty("identity").GetString()!;
            string actual = TrialIdentity.Hash(trial);
            if (actual != expected)
            {
                throw new InvalidOperationException(
                    $"the worker resolved trial {actual[..12]}, not the planned {expected[..12]}: a plugin changed on disk since the sweep started; run the sweep again");
            }

            runner.Run(trial, observer, cancellation);
        }
        catch (TrialSetupException e)
        {
            observer.Complete(new TrialResult(TrialStatus.Failed, double.NaN, [], [], [], 0, 0, [], 0, ExceptionText.OneLine(e)), e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A trial whose plugins cannot even be created fails, as it does in-process (SweepRunner).
            observer.OnCompleted(new TrialResult(TrialStatus.Failed, double.NaN, [], [], [], 0, 0, [], 0, ExceptionText.OneLine(e)));
        }
    }

    private void Read(Stream input, BlockingCollection<JsonElement> requests, Action exit)
    {
        using var lines = new StreamReader(input, new UTF8Encoding(false));
        while (lines.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var message = JsonDocument.Parse(line).RootElement.Clone();
            switch (message.GetProperty("type").GetString())
            {
                case WorkerMessages.Run:
                    requests.Add(message);
                    break;
                case WorkerMessages.Cancel:
                    lock (gate)
                    {
                        current?.Cancel();
                    }

                    break;
            }
        }

        requests.CompleteAdding();
        exit();
    }
}
