using System.Text.Json;

namespace Descent.Sweeps.Workers;

/// <summary>One line a worker wrote on its protocol stream, or the end of that stream (<see cref="Ended"/>: the worker exited).</summary>
/// <param name="Type">The message type (<see cref="WorkerMessages"/>), or null for the end of the stream.</param>
/// <param name="Body">The message.</param>
/// <param name="At">When the coordinator read it (seconds on the worker's clock).</param>
internal sealed record WorkerEvent(string? Type, JsonElement Body, double At)
{
    /// <summary>True for the end of the stream.</summary>
    public bool Ended => Type is null;
}
