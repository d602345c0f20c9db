using Microsoft.ML;
using MlNetMlp.Core.Onnx;

namespace MlNetMlp.Core.Data;

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

    /// <summary>
    /// Why the added columns cannot be written as an ONNX graph that scores every row this mapper accepts exactly as
    /// it does, and what to do instead; null when they can. Asked before anything is written. A mapper that writes
    /// itself overrides this and <see cref="SaveAsOnnx"/> together.
    /// </summary>
    public virtual string? OnnxBlocker => "it has no ONNX form.";

    /// <summary>
    /// Writes the added columns as ONNX nodes over the variables of <see cref="InputColumns"/> (all present in
    /// <paramref name="graph"/>), declaring each added column with <see cref="OnnxGraph.Column"/>.
    /// Called only when <see cref="OnnxBlocker"/> is null.
    /// </summary>
    public virtual void SaveAsOnnx(OnnxGraph graph) => throw new InvalidOperationException($"{GetType().Name} cannot be exported to ONNX: {OnnxBlocker}");
}
