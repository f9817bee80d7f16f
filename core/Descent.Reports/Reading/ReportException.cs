namespace Descent.Reports.Reading;

/// <summary>
/// The report cannot be made from what the store holds: no such experiment, or no runs of the sweep.
/// The message names the experiment and the store, and says what to check or do.
/// </summary>
public sealed class ReportException(string message) : Exception(message);
