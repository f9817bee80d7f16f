using Descent.Engine.Trials;
using Descent.Runs.Files;
using Descent.Tests.Support;

namespace Descent.Tests.Runs;

/// <summary>A result keeps the final parameter values of small models and a SHA-256 of every model's.</summary>
public sealed class ParameterHashTests
{
    [Test]
    public void The_hash_is_sha256_of_the_float64_little_endian_bytes()
    {
        // python3: hashlib.sha256(struct.pack('<3d', 1.0, -2.5, 0.1)).hexdigest()
        Assert.That(ParameterValues.Sha256([1.0, -2.5, 0.1]), Is.EqualTo("71da1541228ec3b80f80a42910c0512bc24ce229e09875fa2684836df5f229ee"));
        Assert.That(ParameterValues.Sha256([0.0]), Is.Not.EqualTo(ParameterValues.Sha256([-0.0])), "bitwise: signed zeros differ");
    }

    [Test]
    public void A_small_model_keeps_its_values_and_the_report_carries_count_and_hash()
    {
        var spec = TestEngine.Analytic("sgd", "quadratic2d", 5, "-5,-2", ("lr", "0.1"));
        var result = TestEngine.Run(spec);

        var report = TrialReport.From(TrialResolver.Resolve(spec, TestEngine.Catalog), result);

        Assert.That(result.FinalParams, Has.Count.EqualTo(2));
        Assert.That(result.FinalParamsSha256, Is.EqualTo(ParameterValues.Sha256(result.FinalParams.ToArray())));
        Assert.That(report.ParameterCount, Is.EqualTo(2));
        Assert.That(report.FinalParamsSha256, Is.EqualTo(result.FinalParamsSha256));
        Assert.That(report.ParamNames, Is.EqualTo(new[] { "x[0]", "x[1]" }));
    }
}
