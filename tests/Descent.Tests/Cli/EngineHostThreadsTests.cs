using Descent.Cli;
using Descent.Cli.Hosting;
using TorchSharp;

namespace Descent.Tests.Cli;

/// <summary>
/// The host sets libtorch's thread count for the trials it runs in its own process (<c>--in-process</c>) and gives the
/// previous count back when disposed, so a command run inside a test process leaves the next test as it found it.
/// </summary>
public sealed class EngineHostThreadsTests
{
    [Test]
    public void The_host_runs_at_its_thread_count_and_restores_the_previous_one()
    {
        int before = torch.get_num_threads();
        int asked = before == 3 ? 2 : 3;
        var console = new CliConsole(TextWriter.Null, TextWriter.Null);

        using (EngineHost.Start(console, [], threads: asked))
        {
            Assert.That(torch.get_num_threads(), Is.EqualTo(asked));
        }

        Assert.That(torch.get_num_threads(), Is.EqualTo(before));
    }
}
