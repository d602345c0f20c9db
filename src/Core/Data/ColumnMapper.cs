using Microsoft.ML;

namespace MlNetMlp.Data;

/// <summary>
/// The per-schema half of an MlNetMlp transformer: given the input schema (already validated when
/// the mapper is built), it says which columns it adds, which input columns it reads, and creates
/// getters that compute the added values from an input row, one row at a time.
/// </summary>
internal abstract class ColumnMapper
{
    /// <summary>Creates a mapper bound to <paramref name="inputSchema"/>.</summary>
    protected ColumnMapper(DataViewSchema inputSchema) => InputSchema = inputSchema;

    /// <summary>The schema the mapper reads.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The columns the mapper appends, in order.</summary>
    public abstract IReadOnlyList<AddedColumn> AddedColumns { get; }

    /// <summary>The input columns needed to compute any of the added columns.</summary>
    public abstract IReadOnlyList<DataViewSchema.Column> InputColumns { get; }

    /// <summary>
    /// Creates getters for the added columns over <paramref name="input"/>: element i is a
    /// <c>ValueGetter&lt;T&gt;</c> for <c>AddedColumns[i]</c>, or null where <paramref name="isActive"/> says i is not needed.
    /// Getters of one row may share work (for example one forward pass for several outputs).
    /// </summary>
    public abstract Delegate?[] CreateGetters(DataViewRow input, Func<int, bool> isActive);
}
