namespace MlNetMlp.Datasets;

/// <summary>Which part of a data set to read.</summary>
public enum DataSplit
{
    /// <summary>The training part: MNIST's <c>train-*</c> files (rows 0 to 7,999 of the embedded sample), IMDb's <c>aclImdb/train</c>.</summary>
    Train,

    /// <summary>The test part: MNIST's <c>t10k-*</c> files (rows 8,000 to 9,999 of the embedded sample), IMDb's <c>aclImdb/test</c>.</summary>
    Test,
}
