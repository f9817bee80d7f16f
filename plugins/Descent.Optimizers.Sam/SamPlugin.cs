using Descent.Contracts;

namespace Descent.Optimizers.Sam;

/// <summary>Registers the <c>sam</c> optimizer.</summary>
public sealed class SamPlugin() : OptimizerPlugin<Sam, SamOptions>(
    id: "sam",
    version: "1.0.0",
    description: "sharpness-aware minimization over a base optimizer chosen by id, with ASAM (Foret et al. 2021; Kwon et al. 2021)");
