using Microsoft.ML;
using MlNetMlp.Data;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>Assertions about estimators.</summary>
internal static class EstimatorAssert
{
    /// <summary>
    /// Asserts that the estimator rejects <paramref name="data"/>'s schema both at <c>Fit</c> and at
    /// <c>GetOutputSchema</c> with a <see cref="SchemaMismatchException"/>; returns both messages.
    /// </summary>
    public static (string AtFit, string AtSchema) RejectsSchema<T>(IEstimator<T> estimator, IDataView data)
        where T : class, ITransformer
    {
        var atFit = Assert.ThrowsExactly<SchemaMismatchException>(() => estimator.Fit(data));
        var atSchema = Assert.ThrowsExactly<SchemaMismatchException>(() => estimator.GetOutputSchema(ColumnRequirements.ShapeOf(data.Schema)));
        return (atFit.Message, atSchema.Message);
    }
}
