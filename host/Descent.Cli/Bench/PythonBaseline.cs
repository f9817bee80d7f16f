using System.Diagnostics;
using System.Text.Json;

namespace Descent.Cli.Bench;

/// <summary>
/// Runs the PyTorch baseline scripts shipped with the host (<c>Bench/Baselines/pytorch_airfoil.py</c>,
/// <c>Bench/Baselines/pytorch_workloads.py</c>) when a Python with torch is installed (Debian:
/// <c>apt-get install python3-torch</c>); otherwise says why not.
/// </summary>
public static class PythonBaseline
{
    /// <summary>The airfoil script's path next to the host.</summary>
    public static string Script => ScriptPath("pytorch_airfoil.py");

    /// <summary>The path of the baseline script <paramref name="name"/> next to the host.</summary>
    public static string ScriptPath(string name) => Path.Combine(AppContext.BaseDirectory, "Bench", "Baselines", name);

    /// <summary>The first Python that imports torch, or null with the reason.</summary>
    public static (string? Python, string? Problem) Find()
    {
        foreach (string? candidate in new[] { Environment.GetEnvironmentVariable("DESCENT_PYTHON"), "/usr/bin/python3", "python3" })
        {
            if (string.IsNullOrEmpty(candidate))
            {
                continue;
            }

            var (code, _, _) = Execute(candidate, ["-c", "import torch, numpy"], TimeSpan.FromSeconds(60));
            if (code == 0)
            {
                return (candidate, null);
            }
        }

        return (null, "no Python with torch and numpy found (Debian/Ubuntu: sudo apt-get install python3-torch; or set DESCENT_PYTHON)");
    }

    /// <summary>
    /// What the baseline ran on, for the bench to print every time: torch's version and the BLAS it had mapped
    /// (a comparison against torch on the slow reference BLAS is worthless, and says so).
    /// </summary>
    public static string Describe(IReadOnlyDictionary<string, JsonElement> figures, string python)
    {
        string blas = figures.TryGetValue("blas", out var b) ? b.GetString() ?? "unknown" : "unknown";
        string version = figures.TryGetValue("torch_version", out var v) ? v.GetString() ?? "?" : "?";
        return $"PyTorch {version} via {python}, on {blas} BLAS" +
               (blas == "reference" ? " (slow: install OpenBLAS, e.g. apt-get install libopenblas0-pthread, or this comparison means nothing)" : "");
    }

    /// <summary>The OpenMP wait policy the scripts run with (<c>OMP_WAIT_POLICY</c>), whatever this process's is.</summary>
    public const string WaitPolicy = "PASSIVE";

    /// <summary>Runs the airfoil script and parses its JSON figures.</summary>
    public static Dictionary<string, JsonElement> Run(string python, IEnumerable<string> arguments, TimeSpan timeout) =>
        Run(python, Script, arguments, timeout, threads: 1);

    /// <summary>
    /// Runs <paramref name="script"/> and parses its JSON figures (its last line). The script's BLAS and OpenMP pools get
    /// <paramref name="threads"/> threads (<c>OMP_NUM_THREADS</c>, <c>OPENBLAS_NUM_THREADS</c>: torch.set_num_threads
    /// does not reach OpenBLAS, which reads them when it loads); the script sets torch's own.
    /// </summary>
    public static Dictionary<string, JsonElement> Run(string python, string script, IEnumerable<string> arguments, TimeSpan timeout, int threads)
    {
        var (code, output, error) = Execute(python, [script, .. arguments], timeout, threads);
        if (code != 0)
        {
            throw new InvalidOperationException($"the PyTorch baseline failed (exit {code}): {error.Trim()}");
        }

        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(output.Trim().Split('\n')[^1])
            ?? throw new InvalidOperationException("the PyTorch baseline printed no figures");
    }

    private static (int Code, string Output, string Error) Execute(string file, IEnumerable<string> arguments, TimeSpan timeout, int threads = 1)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        string threadCount = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OMP_NUM_THREADS"] = threadCount;
        start.Environment["OPENBLAS_NUM_THREADS"] = threadCount;
        // torch's OpenMP threads sleep between ops instead of spinning: its GEMMs run on OpenBLAS's own threads, which
        // spinning OpenMP threads starve (an MLP epoch at 2 threads on 2 cores: 2.5 s spinning, 0.9 s passive).
        start.Environment["OMP_WAIT_POLICY"] = WaitPolicy;
        if (Hosting.NativeHeap.KeepsFreedMemory)
        {
            // The allocator settings Descent runs with (NativeHeap), so that neither side pays for page faults the other avoids.
            start.Environment["GLIBC_TUNABLES"] = Hosting.NativeHeap.Tunables;
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "", $"timed out after {timeout.TotalSeconds} s");
            }

            return (process.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }
}
