using Descent.Cli.Reports;
using Descent.Runs;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;

namespace Descent.Tests.Sweeps;

/// <summary>
/// Two processes that find a sweep complete at the same moment (the last two shards) write its report folder
/// once: the folder's lock file lets one write it and record the runs it was made from; the other finds that
/// record and leaves the folder alone.
/// </summary>
public sealed class ReportFolderLockTests
{
    private const string Sweep = """
        name: report-once
        objective: { id: quadratic2d }
        training: { steps: 3, dtype: float64 }
        optimizers:
          - id: sgd
            hyperparameters: { lr: [0.1, 0.2] }
        """;

    [Test]
    public void The_lock_file_records_which_report_the_folder_holds()
    {
        using var scratch = new ScratchDirectory();
        string folder = scratch.File("report");
        string lockFile = ReportFolderLock.PathFor(folder);
        Assert.That(lockFile, Is.EqualTo(scratch.File(".report.descent-report")), "beside the folder, which holds only the report");

        using (var first = ReportFolderLock.Acquire(folder))
        {
            Assert.That(first.Holds("sweep-a 01"), Is.False, "a new folder holds no report");
            first.Record("sweep-a 01");
        }

        using (var second = ReportFolderLock.Acquire(folder))
        {
            Assert.That((second.Holds("sweep-a 01"), second.Holds("sweep-a 02")), Is.EqualTo((true, false)));
            Assert.Throws<IOException>(() => File.ReadAllText(lockFile), "the file was readable while locked");
        }

        Assert.That(File.ReadAllText(lockFile), Is.EqualTo("sweep-a 01\n"));
    }

    [Test]
    public async Task Two_processes_that_find_the_sweep_complete_at_once_write_the_report_once()
    {
        using var scratch = new ScratchDirectory();
        string file = scratch.File("report-once.yaml");
        File.WriteAllText(file, Sweep);
        string store = scratch.File("mlruns");
        string report = scratch.File("report");
        var first = CliRun.Of("sweep", file, "--tracking-uri", store, "--parallel", "1", "--no-report");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);

        // Every trial is finished but the parent is not: both processes below end the sweep, as the last two shards would.
        string parent = SweepStore.Runs(store, "report-once").Single(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.SweepKind).RunId;
        using (var files = new FileTrackingStore(store))
        {
            await files.UpdateRunAsync(parent, RunStatus.Killed, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }

        var processes = new List<System.Diagnostics.Process>();
        using (ReportFolderLock.Acquire(report))
        {
            for (int i = 0; i < 2; i++)
            {
                processes.Add(DescentProcess.Start("sweep", file, "--tracking-uri", store, "--parallel", "1", "--report-dir", report));
            }

            // Long enough for both to reach the report folder and wait at its lock.
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.That(processes.Where(p => p.HasExited), Is.Empty, "a process ended while the report folder's lock was held");
            Assert.That(File.Exists(Path.Combine(report, "index.html")), Is.False, "a report was written while the folder's lock was held");
        }

        var errors = new List<string>();
        foreach (var process in processes)
        {
            var (exitCode, _, error) = await DescentProcess.FinishAsync(process, TimeSpan.FromMinutes(2));
            Assert.That(exitCode, Is.EqualTo(0), error);
            errors.Add(error);
            process.Dispose();
        }

        Assert.That(errors.Count(e => e.Contains("pictures; also", StringComparison.Ordinal)), Is.EqualTo(1), string.Join("\n---\n", errors));
        Assert.That(errors.Count(e => e.Contains("already written from these runs by another process", StringComparison.Ordinal)), Is.EqualTo(1), string.Join("\n---\n", errors));
        Assert.That(File.Exists(Path.Combine(report, "index.html")));
        Assert.That(SweepStore.Runs(store, "report-once").Single(r => r.RunId == parent).Info.Status, Is.EqualTo(RunStatus.Finished));
    }
}
