using Descent.Contracts;
using Descent.Engine.Options;

namespace Descent.Tests.Options;

/// <summary>
/// An array or text hyperparameter without a default is refused when its plugin loads (the schema is read
/// then), with the name, the property and the fix, rather than crashing the first trial that leaves it out.
/// </summary>
public sealed class NullDefaultTests
{
    [Test]
    public void A_null_array_default_is_refused_with_its_name_and_the_fix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OptionsSchema.For(typeof(NullBetasOptions)));
        Assert.That(error!.Message, Is.EqualTo("hyperparameter 'betas' (NullBetasOptions.Betas) has no default (null); give it one in the options class, e.g. = [0.9, 0.999]"));
    }

    [Test]
    public void A_null_text_default_is_refused_too()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OptionsSchema.For(typeof(NullTextOptions)));
        Assert.That(error!.Message, Is.EqualTo("hyperparameter 'mode' (NullTextOptions.Mode) has no default (null); give it one in the options class, e.g. = \"\""));
    }

    private sealed class NullBetasOptions
    {
        [Hyperparameter("lr", Description = "learning rate")]
        public double Lr { get; set; } = 0.1;

        [Hyperparameter("betas", Description = "decay rates", Length = 2)]
        public double[] Betas { get; set; } = null!;
    }

    private sealed class NullTextOptions
    {
        [Hyperparameter("mode", Description = "a mode")]
        public string Mode { get; set; } = null!;
    }
}
