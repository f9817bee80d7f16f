using Descent.Contracts;

namespace Descent.Optimizers.Adam;

/// <summary>Registers the <c>adam</c> optimizer.</summary>
public sealed class AdamPlugin() : OptimizerPlugin<Adam, AdamOptions>(
    id: "adam",
    version: "1.1.0",
    description: "Adam from scratch with bias correction, eps outside the root (d2l 7.8; Kingma and Ba 2015)");
