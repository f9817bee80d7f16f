namespace Descent.Testing;

/// <summary>How one conformance check ended.</summary>
public enum CheckOutcome
{
    /// <summary>The plugin does what the check asks.</summary>
    Pass,

    /// <summary>Works, but something should change (a missing range, a non-PyTorch name); never fails verification.</summary>
    Warning,

    /// <summary>The plugin breaks the contract; verification fails.</summary>
    Fail,
}
