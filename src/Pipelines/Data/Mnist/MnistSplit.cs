namespace MlNetMlp.Pipelines;

/// <summary>Which part of a data set to read.</summary>
public enum MnistSplit
{
    /// <summary>The training images (<c>train-*</c> files; 8,000 rows of the embedded sample).</summary>
    Train,

    /// <summary>The test images (<c>t10k-*</c> files; 2,000 rows of the embedded sample).</summary>
    Test,
}
