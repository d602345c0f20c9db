using Microsoft.ML;

namespace MlNetMlp.Core.Data;

/// <summary>
/// Column access for a row made of an input row plus the columns a <see cref="ColumnMapper"/>
/// computes: input columns pass through, added ones come from the mapper's getters. Shared by
/// <see cref="MappedRow"/> and <see cref="MappedCursor"/>. Owns the mapper's lookahead cursor, if any.
/// </summary>
internal sealed class AddedColumnGetters : IDisposable
{
    private readonly DataViewRow _input;
    private readonly Delegate?[] _getters;
    private readonly int _inputCount;
    private readonly InputLookahead? _lookahead;

    public AddedColumnGetters(DataViewSchema outputSchema, DataViewRow input, ColumnMapper mapper, Func<int, bool> isOutputActive, InputLookahead? lookahead = null)
    {
        _input = input;
        _inputCount = mapper.InputSchema.Count;
        _lookahead = lookahead;
        Schema = outputSchema;
        Func<int, bool> isActive = i => isOutputActive(_inputCount + i);
        _getters = lookahead is null ? mapper.CreateGetters(input, isActive) : mapper.CreateGetters(input, isActive, lookahead);
    }

    public DataViewSchema Schema { get; }

    public bool IsActive(DataViewSchema.Column column) =>
        column.Index < _inputCount ? _input.IsColumnActive(_input.Schema[column.Index]) : _getters[column.Index - _inputCount] is not null;

    public ValueGetter<T> GetGetter<T>(DataViewSchema.Column column)
    {
        if (column.Index < _inputCount)
        {
            return _input.GetGetter<T>(_input.Schema[column.Index]);
        }

        return _getters[column.Index - _inputCount] switch
        {
            ValueGetter<T> getter => getter,
            null => throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created."),
            _ => throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}; it cannot be read as {typeof(T).Name}."),
        };
    }

    public void Dispose() => _lookahead?.Dispose();
}
