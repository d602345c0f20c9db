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
    /// True when the mapper reads its <see cref="InputColumns"/> ahead through an <see cref="InputLookahead"/> where
    /// one is offered; the cursor carrying the rows then reads those columns only if the caller asks for them.
    /// </summary>
    public virtual bool ReadsAhead => false;

    /// <summary>
    /// Creates getters for the added columns over <paramref name="input"/>: element i is a
    /// <c>ValueGetter&lt;T&gt;</c> for <c>AddedColumns[i]</c>, or null where <paramref name="isActive"/> says i is not needed.
    /// Getters of one row may share work (for example one forward pass for several outputs).
    /// </summary>
    public abstract Delegate?[] CreateGetters(DataViewRow input, Func<int, bool> isActive);

    /// <summary>
    /// As <see cref="CreateGetters(DataViewRow, Func{int, bool})"/>, for a cursor whose rows can also be read ahead
    /// through <paramref name="lookahead"/> (offered only when <see cref="ReadsAhead"/> is true and the row order is
    /// repeatable). When <see cref="ReadsAhead"/> is true, <paramref name="input"/> does not carry the input columns.
    /// </summary>
    public virtual Delegate?[] CreateGetters(DataViewRow input, Func<int, bool> isActive, InputLookahead lookahead) =>
        CreateGetters(input, isActive);
}
