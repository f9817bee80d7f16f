namespace Descent.Contracts;

/// <summary>What a dataset's labels are: class indices or real-valued targets.</summary>
public enum DatasetTask
{
    /// <summary>Real-valued targets (the chapter's airfoil, a CSV file); what a contract-1.0 dataset is.</summary>
    Regression,

    /// <summary>Class indices 0 .. classes-1, int64.</summary>
    Classification,
}
