using Descent.Runs;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;
using Descent.Tracking.FileStore;

namespace Descent.Tests.Sweeps;

/// <summary>
/// Two nodes sharing a file store share its lock: the lock file lives in the store, not in a process's
/// temporary directory, so two processes with different TMPDIR (as on two nodes) wait for the same lock and
/// create one experiment and elect one parent run between them.
/// </summary>
public sealed class SharedStoreLockTests
{
    private const string Sweep = """
        name: locked
        objective: { id: rosenbrock }
        training: { steps: 3 }
        seeds: 1
        optimizers:
          - id: sgd
            hyperparameters: { lr: [0.001] }
        """;

    [Test]
    public void The_lock_file_is_in_the_store()
    {
        using var scratch = new ScratchDirectory();

        Assert.That(FileStoreLock.PathFor(scratch.File("mlruns")), Is.EqualTo(Path.Combine(scratch.File("mlruns"), ".descent.lock")));
    }

    [Test]
    public async Task Two_processes_with_different_temporary_directories_create_one_experiment()
    {
        using var scratch = new ScratchDirectory();
        string file = scratch.File("locked.yaml");
        File.WriteAllText(file, Sweep);
        string store = scratch.File("mlruns");
        Directory.CreateDirectory(store);

        var processes = new List<System.Diagnostics.Process>();
        using (FileStoreLock.Acquire(store))
        {
            foreach (string node in new[] { "node-a", "node-b" })
            {
                string temp = Directory.CreateDirectory(scratch.File("tmp-" + node)).FullName;
                processes.Add(DescentProcess.Start(
                    new Dictionary<string, string> { ["TMPDIR"] = temp },
                    "sweep", file, "--tracking-uri", store, "--experiment", "shared", "--parallel", "1", "--no-report"));
            }

            // Long enough for both to start and reach the store (they create an experiment within a second or two when not held up).
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.That(processes.Where(p => p.HasExited), Is.Empty, "a process ended while the store's lock was held");
            Assert.That(Directory.EnumerateDirectories(store), Is.Empty, "an experiment was created while another process held the store's lock");
        }

        foreach (var process in processes)
        {
            var (exitCode, _, error) = await DescentProcess.FinishAsync(process, TimeSpan.FromMinutes(2));
            Assert.That(exitCode, Is.EqualTo(0), error);
            process.Dispose();
        }

        var named = Directory.EnumerateDirectories(store)
            .Select(d => Path.Combine(d, "meta.yaml"))
            .Where(File.Exists)
            .Count(meta => File.ReadAllLines(meta).Contains("name: shared"));
        Assert.That(named, Is.EqualTo(1));

        // The parent is elected under the same lock: one parent run, and no second one made and then retired.
        var sweeps = SweepStore.Runs(store, "shared").Where(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.SweepKind).ToArray();
        Assert.That(sweeps, Has.Length.EqualTo(1), string.Join(", ", sweeps.Select(r => $"{r.RunId} {r.Info.Status} duplicate_of={r.Tag(RunKeys.Tags.DuplicateOf)}")));
    }
}
