namespace MlNetMlp.Experiments;

/// <summary>What the regularization study's curves are measured on.</summary>
public enum RegularizationValidation
{
    /// <summary>The test reviews, as the book does: the curves and the test accuracy come from the same 25,000 reviews.</summary>
    Test,

    /// <summary>A seeded hold-out of the training reviews (10,000 by default); the test reviews are touched once, at the end.</summary>
    Split,
}
