using Microsoft.ML;
using MlNetMlp.Core.Data;

namespace MlNetMlp.Transforms;

/// <summary>
/// The estimator half every MlNetMlp transform shares, as ML.NET's own one-to-one transforms do: one input column read,
/// one output column added. It owns the column names and their checks, and the shape of <see cref="GetOutputSchema"/>;
/// a transform supplies what it expects of the input column, the output column's shape, and what <c>Fit</c> learns.
/// </summary>
/// <typeparam name="TTransformer">The transformer <c>Fit</c> returns.</typeparam>
public abstract class OneToOneEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : ITransformer
{
    private protected OneToOneEstimator(string outputColumnName, string inputColumnName)
    {
        MlNetVersionGuard.EnsureSupported();
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumnName);
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
    }

    /// <summary>The column the transform adds.</summary>
    public string OutputColumnName { get; }

    /// <summary>The column the transform reads.</summary>
    public string InputColumnName { get; }

    /// <summary>What the input column must hold, as error messages say it, e.g. "a known-size vector of Byte, Single or Double".</summary>
    private protected abstract string InputExpectation { get; }

    /// <summary>Checks the input column of <paramref name="input"/> and learns what the transform needs from the data.</summary>
    /// <param name="input">The training data.</param>
    /// <returns>The fitted transformer.</returns>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return FitChecked(input);
    }

    /// <summary>The input shape plus the output column; throws <see cref="SchemaMismatchException"/> when the input column does not fit.</summary>
    /// <param name="inputSchema">The shape of the data the estimator will see.</param>
    /// <returns>The shape after the transform.</returns>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return ColumnRequirements.With(inputSchema, OutputShape(ColumnRequirements.Find(inputSchema, InputColumnName, InputExpectation)));
    }

    /// <summary>Fits on <paramref name="input"/>, which is not null.</summary>
    private protected abstract TTransformer FitChecked(IDataView input);

    /// <summary>Checks the shape of the input column (throwing <see cref="SchemaMismatchException"/>) and returns the output column's.</summary>
    private protected abstract SchemaShape.Column OutputShape(SchemaShape.Column input);
}
