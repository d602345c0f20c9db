using Microsoft.ML;
using MlNetMlp.Core.Data;

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

    /// <summary>
    /// Asserts that the column <c>GetOutputSchema</c> promises for <paramref name="column"/> is what <c>Fit</c> then
    /// <c>Transform</c> produce: same vector kind, item type and annotations.
    /// </summary>
    public static void KeepsSchemaPromise<T>(IEstimator<T> estimator, IDataView data, string column)
        where T : class, ITransformer
    {
        var promised = estimator.GetOutputSchema(ColumnRequirements.ShapeOf(data.Schema)).Single(c => c.Name == column);
        var actual = ColumnRequirements.ShapeOf(estimator.Fit(data).Transform(data).Schema).Single(c => c.Name == column);

        Assert.AreEqual(promised.Kind, actual.Kind, $"column '{column}' vector kind");
        Assert.AreEqual(promised.ItemType, actual.ItemType, $"column '{column}' item type");
        Assert.AreEqual(promised.IsKey, actual.IsKey, $"column '{column}' key");
        CollectionAssert.AreEquivalent(
            promised.Annotations.Select(a => a.Name).ToArray(), actual.Annotations.Select(a => a.Name).ToArray(), $"column '{column}' annotations");
    }
}
