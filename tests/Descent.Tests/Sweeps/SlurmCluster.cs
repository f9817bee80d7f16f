using System.Diagnostics;
using System.Globalization;
using Descent.Tests.Support;

namespace Descent.Tests.Sweeps;

/// <summary>
/// A real single-node Slurm cluster for one test: munged (unless one already runs), slurmctld and
/// <c>slurmd -N localhost</c> from a slurm.conf in a scratch folder (its own ports, state, spool and logs),
/// stopped by their pids on dispose. Where the machine cannot run it (no slurm-wlm, not root) the test is
/// ignored with the reason; the test build installs slurm-wlm and munge (build/test-prerequisites.sh).
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    private const string MungeDirectory = "/run/munge";
    private readonly List<Process> daemons = [];
    private int? mungePid;

    private SlurmCluster(ScratchDirectory scratch)
    {
        Scratch = scratch;
        Config = scratch.File("slurm.conf");
    }

    /// <summary>The cluster's folder (configuration, state, logs).</summary>
    public ScratchDirectory Scratch { get; }

    /// <summary>slurm.conf; every Slurm command gets it as SLURM_CONF.</summary>
    public string Config { get; }

    /// <summary>Starts the cluster and waits until its node is idle, or ignores the test with the reason it cannot.</summary>
    public static SlurmCluster StartOrIgnore()
    {
        string? missing = new[] { "slurmctld", "slurmd", "sbatch", "squeue", "sinfo", "munged" }.FirstOrDefault(p => Which(p) is null);
        if (missing is not null)
        {
            Assert.Ignore($"no Slurm here: {missing} is not installed (apt-get install -y --no-install-recommends slurm-wlm munge, as the test build does as root: build/test-prerequisites.sh)");
        }

        if (OperatingSystem.IsWindows() || Environment.UserName != "root")
        {
            Assert.Ignore($"no Slurm here: the daemons must run as root and this is {Environment.UserName}");
        }

        var cluster = new SlurmCluster(new ScratchDirectory("descent-slurm"));
        try
        {
            cluster.Start();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Runs a Slurm command (sbatch, squeue, scontrol) against this cluster; its exit code and output.</summary>
    public (int ExitCode, string Out, string Error) Command(string workingDirectory, string program, params string[] args)
    {
        var info = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["SLURM_CONF"] = Config;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    /// <summary>Waits until no task of <paramref name="jobId"/> is pending or running.</summary>
    public void WaitFor(string jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Command(Scratch.Path, "squeue", "-h", "-j", jobId).Out.Trim().Length > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Slurm job {jobId} still queued or running after {timeout.TotalSeconds} s:\n{Logs()}");
            }

            Thread.Sleep(250);
        }
    }

    /// <summary>The daemons' logs, for failure messages.</summary>
    public string Logs() => string.Join("\n", new[] { "slurmctld.log", "slurmd.log" }
        .Where(f => File.Exists(Scratch.File(f)))
        .Select(f => $"--- {f}\n" + string.Join("\n", File.ReadAllLines(Scratch.File(f)).TakeLast(15))));

    public void Dispose()
    {
        foreach (var daemon in Enumerable.Reverse(daemons))
        {
            if (!daemon.HasExited)
            {
                daemon.Kill();
                daemon.WaitForExit(10_000);
            }

            daemon.Dispose();
        }

        if (mungePid is { } pid)
        {
            try
            {
                using var munged = Process.GetProcessById(pid);
                munged.Kill();
                munged.WaitForExit(5_000);
            }
            catch (ArgumentException)
            {
                // It had already ended.
            }
        }

        Scratch.Dispose();
    }

    private void Start()
    {
        StartMunge();
        int port = Random.Shared.Next(20_000, 29_000);
        long memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kb ? long.Parse(kb, CultureInfo.InvariantCulture) / 1024 * 9 / 10 : 0;
        Directory.CreateDirectory(Scratch.File("state"));
        Directory.CreateDirectory(Scratch.File("spool"));
        File.WriteAllText(Config, $"""
            ClusterName=descent
            SlurmctldHost=localhost
            SlurmctldPort={port}
            SlurmdPort={port + 1}
            SelectType=select/cons_tres
            SelectTypeParameters=CR_Core
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            AuthType=auth/munge
            SlurmUser=root
            StateSaveLocation={Scratch.File("state")}
            SlurmdSpoolDir={Scratch.File("spool")}
            SlurmctldPidFile={Scratch.File("slurmctld.pid")}
            SlurmdPidFile={Scratch.File("slurmd.pid")}
            SlurmctldLogFile={Scratch.File("slurmctld.log")}
            SlurmdLogFile={Scratch.File("slurmd.log")}
            AccountingStorageType=accounting_storage/none
            JobCompType=jobcomp/none
            MpiDefault=none
            ReturnToService=2
            NodeName=localhost CPUs={Environment.ProcessorCount} RealMemory={memory} State=UNKNOWN
            PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP

            """);
        daemons.Add(Daemon("slurmctld", "-D"));
        daemons.Add(Daemon("slurmd", "-D", "-N", "localhost"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Command(Scratch.Path, "sinfo", "-h", "-o", "%t").Out.Trim() != "idle")
        {
            if (DateTime.UtcNow > deadline || daemons.Any(d => d.HasExited))
            {
                Assert.Fail($"the Slurm node did not become idle within 30 s:\n{Logs()}");
            }

            Thread.Sleep(200);
        }
    }

    /// <summary>Starts munged as the munge user unless one is listening already (then it is left alone).</summary>
    private void StartMunge()
    {
        if (File.Exists(Path.Combine(MungeDirectory, "munge.socket.2")) && File.Exists(Path.Combine(MungeDirectory, "munged.pid")) &&
            int.TryParse(File.ReadAllText(Path.Combine(MungeDirectory, "munged.pid")).Trim(), out int running) && Alive(running))
        {
            return;
        }

        string script = $"mkdir -p {MungeDirectory} && chown munge:munge {MungeDirectory} && " +
            "{ [ -f /etc/munge/munge.key ] || mungekey -c; } && su -s /bin/sh munge -c /usr/sbin/munged";
        using var start = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardError = true })!;
        string error = start.StandardError.ReadToEnd();
        start.WaitForExit();
        Assert.That(start.ExitCode, Is.EqualTo(0), "munged did not start: " + error);
        mungePid = int.Parse(File.ReadAllText(Path.Combine(MungeDirectory, "munged.pid")).Trim(), CultureInfo.InvariantCulture);
    }

    private Process Daemon(string program, params string[] args)
    {
        // exec: the pid is the daemon's own, so it is what Dispose stops.
        string log = Scratch.File(program + ".out");
        var info = new ProcessStartInfo("bash", ["-c", $"exec {program} {string.Join(" ", args)} >'{log}' 2>&1"]) { UseShellExecute = false };
        info.Environment["SLURM_CONF"] = Config;
        return Process.Start(info)!;
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/sbin")
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
}
