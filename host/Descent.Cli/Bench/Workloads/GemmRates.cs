namespace Descent.Cli.Bench.Workloads;

/// <summary>The layer-products rates (GFLOP/s) one side measured, by thread count and batch size, over the rounds.</summary>
internal sealed class GemmRates
{
    private readonly Dictionary<(int Threads, int Batch), List<double>> rates = [];

    /// <summary>The thread counts and batch sizes measured, in the order first measured.</summary>
    public IEnumerable<(int Threads, int Batch)> Keys => rates.Keys;

    /// <summary>Adds one round's rate.</summary>
    public void Add(int threads, int batch, double gflops)
    {
        if (!rates.TryGetValue((threads, batch), out var list))
        {
            rates[(threads, batch)] = list = [];
        }

        list.Add(gflops);
    }

    /// <summary>The median over the rounds, or null when none was measured at that thread count and batch size.</summary>
    public double? Median(int threads, int batch) =>
        rates.TryGetValue((threads, batch), out var list) ? BenchStatistics.Median(list) : null;
}
