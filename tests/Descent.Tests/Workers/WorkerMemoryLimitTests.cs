using System.Diagnostics;
using System.Text.Json;
using Descent.Sweeps.Workers;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;

namespace Descent.Tests.Workers;

/// <summary>
/// <c>--worker-memory</c>: sizes as users write them, the messages of a bad one, and the worker's standing with the
/// kernel's out-of-memory killer (a worker is its first choice, the coordinator is not). The sweep with a plugin that
/// takes 1 GiB is in <see cref="WorkerContainmentTests"/>.
/// </summary>
public sealed class WorkerMemoryLimitTests
{
    [TestCase("512M", 512L << 20)]
    [TestCase("4G", 4L << 30)]
    [TestCase("1.5G", 3L << 29)]
    [TestCase("2gib", 2L << 30)]
    [TestCase(" 800MB ", 800L << 20)]
    [TestCase("65536K", 64L << 20)]
    [TestCase("1T", 1L << 40)]
    public void A_size_with_a_unit_is_read_in_powers_of_1024(string text, long bytes)
    {
        Assert.That(WorkerMemoryLimit.TryParse(text, out var limit), Is.True);
        Assert.That(limit!.Bytes, Is.EqualTo(bytes));
    }

    [TestCase("512")]
    [TestCase("63M")]
    [TestCase("0G")]
    [TestCase("-1G")]
    [TestCase("G")]
    [TestCase("4Q")]
    [TestCase("fourG")]
    [TestCase("NaNG")]
    [TestCase("")]
    public void A_size_without_a_unit_or_below_64M_is_refused(string text) =>
        Assert.That(WorkerMemoryLimit.TryParse(text, out _), Is.False);

    [Test]
    public void The_failure_names_the_peak_and_the_limit_in_mebibytes() =>
        Assert.That(new WorkerMemoryLimit(900L << 20).Message((1L << 30) + (200L << 20)),
            Is.EqualTo("its worker's resident memory reached 1,224 MiB, over --worker-memory 900 MiB; the worker was killed"));

    [Test]
    public void A_bad_limit_is_a_usage_error_that_names_it()
    {
        var run = CliRun.Of("trial", "--optimizer", "sgd", "--objective", "quadratic2d", "--steps", "5", "--no-track", "--worker-memory", "512");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("invalid --worker-memory '512'; give a size with a unit, such as 512M, 4G or 1.5G (K, M, G, T: powers of 1024), of at least 64M"));
    }

    [Test]
    public void A_limit_with_in_process_trials_is_refused_because_nothing_could_enforce_it()
    {
        var run = CliRun.Of("trial", "--optimizer", "sgd", "--objective", "quadratic2d", "--steps", "5", "--no-track", "--worker-memory", "1G", "--in-process");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--worker-memory needs worker processes"));
    }

    [Test]
    public void A_worker_asks_to_be_the_out_of_memory_killers_first_choice()
    {
        Assume.That(OperatingSystem.IsLinux(), "oom_score_adj is Linux's");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { DescentProcess.HostAssembly, "worker", "--threads", "1" })
        {
            info.ArgumentList.Add(argument);
        }

        using var worker = Process.Start(info)!;
        try
        {
            string? ready = worker.StandardOutput.ReadLine();
            Assert.That(ready, Is.Not.Null, "the worker said nothing; see its standard error");
            int pid = JsonDocument.Parse(ready!).RootElement.GetProperty("pid").GetInt32();

            Assert.That(pid, Is.EqualTo(worker.Id));
            Assert.That(WorkerOomScore.Of(pid), Is.EqualTo(1000), "the worker goes first");
            Assert.That(WorkerOomScore.Of(Environment.ProcessId), Is.LessThan(1000), "the process that started it does not");
        }
        finally
        {
            worker.StandardInput.Close();
            if (!worker.WaitForExit(10_000))
            {
                worker.Kill();
            }
        }
    }
}
