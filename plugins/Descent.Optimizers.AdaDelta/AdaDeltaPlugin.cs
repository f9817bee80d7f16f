using Descent.Contracts;

namespace Descent.Optimizers.AdaDelta;

/// <summary>Registers the <c>adadelta</c> optimizer.</summary>
public sealed class AdaDeltaPlugin() : OptimizerPlugin<AdaDelta, AdaDeltaOptions>(
    id: "adadelta",
    version: "1.0.0",
    description: "AdaDelta from scratch, no learning rate (d2l 7.7; Zeiler 2012)");
