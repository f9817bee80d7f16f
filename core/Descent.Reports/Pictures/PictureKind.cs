namespace Descent.Reports.Pictures;

/// <summary>What a report picture shows.</summary>
public enum PictureKind
{
    /// <summary>Loss curves: mean over seeds with a min-max band, one colour per configuration.</summary>
    LossCurves,

    /// <summary>One configuration's path over the contours (2-D) or the curve (1-D) of an analytic objective.</summary>
    Trajectory,

    /// <summary>Final loss against learning rate, one colour per optimizer.</summary>
    LearningRate,

    /// <summary>Accuracy curves of a classification group: valid accuracy against samples, mean over seeds with a min-max band.</summary>
    AccuracyCurves,
}
