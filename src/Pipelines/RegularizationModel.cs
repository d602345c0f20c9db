namespace MlNetMlp.Pipelines;

/// <summary>
/// The networks of the course's regularization study on IMDb (Chollet, <i>Deep Learning with Python</i>, 1st edition,
/// section 4.4), built by <see cref="RegularizationModels"/>. The first five are the book's; the rest go further.
/// </summary>
public enum RegularizationModel
{
    /// <summary>The course's network: Dense 16 relu, Dense 16 relu, one sigmoid unit.</summary>
    Original,

    /// <summary>A smaller network: 4-4-1.</summary>
    Smaller,

    /// <summary>A bigger network: 512-512-1.</summary>
    Bigger,

    /// <summary>The original with L2(0.001) on both hidden kernels.</summary>
    L2,

    /// <summary>The original with Dropout(0.5) after each hidden layer.</summary>
    Dropout,

    /// <summary>The original with L1(0.001) on both hidden kernels.</summary>
    L1,

    /// <summary>The original with L1(0.001) and L2(0.001) on both hidden kernels, as Keras's <c>l1_l2</c>.</summary>
    L1L2,

    /// <summary>The original, stopped when the validation loss has not improved for a few epochs, with the best epoch's weights restored.</summary>
    EarlyStopping,
}
