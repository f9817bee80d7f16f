using TorchSharp;

namespace Descent.Tests.Support;

/// <summary>One libtorch thread for every test, as the host runs trials.</summary>
[SetUpFixture]
public sealed class TorchThreads
{
    [OneTimeSetUp]
    public void UseOneThread() => torch.set_num_threads(1);
}
