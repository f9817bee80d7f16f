using Descent.Cli.Hosting;
using Descent.Tests.Tracking.Support;

namespace Descent.Tests;

/// <summary>Worker processes of commands run in the test process start the host from its own build folder.</summary>
[SetUpFixture]
public sealed class WorkerHost
{
    [OneTimeSetUp]
    public void UseTheHostsBuild() => WorkerLaunches.EntryAssembly = DescentProcess.HostAssembly;
}
