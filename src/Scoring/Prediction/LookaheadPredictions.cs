using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;

namespace MlNetMlp.Scoring.Prediction;

/// <summary>
/// Predictions computed a block of rows at a time. ML.NET cursors hand out one row at a time, so a second cursor over
/// the same rows (the <see cref="InputLookahead"/>) reads only the feature column, a block ahead of the cursor the
/// caller moves; the block is scored at once and each row's outputs are kept by its position. Blocks start small
/// (a caller that reads a few rows pays for a few) and double up to <see cref="LargestBlock"/>. Each row's id is
/// checked against the id the lookahead saw at the same position, so a source that does not repeat its rows is
/// reported, not scored wrongly. Large blocks are shared among the cores (<see cref="BlockScorer"/>).
/// </summary>
internal sealed class LookaheadPredictions : RowPredictions
{
    private const int FirstBlock = 16;
    private const int LargestBlock = 256;

    private readonly DataViewRow _row;
    private readonly ValueGetter<DataViewRowId> _rowId;
    private readonly InputLookahead _lookahead;
    private readonly DataViewSchema.Column _featureColumn;
    private readonly FeatureBlock _block;
    private readonly BlockScorer _scorer;
    private readonly PredictionBuffer _outputs;
    private readonly DataViewRowId[] _blockIds = new DataViewRowId[LargestBlock];
    private ValueGetter<VBuffer<float>>? _aheadFeatures;
    private ValueGetter<DataViewRowId>? _aheadId;
    private VBuffer<float> _values;
    private long _blockStart = -1;
    private int _nextBlockSize = FirstBlock;

    public LookaheadPredictions(ScoringPlan plan, DataViewRow row, InputLookahead lookahead, DataViewSchema.Column features)
    {
        _row = row;
        _rowId = row.GetIdGetter();
        _lookahead = lookahead;
        _featureColumn = features;
        _block = new FeatureBlock(features.Name, plan.InputSize);
        _scorer = new BlockScorer(plan, LargestBlock);
        _outputs = new PredictionBuffer(LargestBlock, plan.OutputSize, plan.HasUncertainty);
    }

    public override RowOutputs Current
    {
        get
        {
            var position = _row.Position;
            if (position < _blockStart || position >= _blockStart + _block.Rows)
            {
                ReadBlock(position);
            }

            var slot = (int)(position - _blockStart);
            var id = default(DataViewRowId);
            _rowId(ref id);
            if (!id.Equals(_blockIds[slot]))
            {
                throw new InvalidOperationException(
                    $"Column '{_featureColumn.Name}', row {position}: the input data gave a different row at this position to a second cursor, " +
                    "so its rows cannot be scored a block at a time. ML.NET data views must give the same rows in the same order to every unshuffled cursor.");
            }

            return _outputs.Outputs(slot);
        }
    }

    private void ReadBlock(long position)
    {
        var cursor = _lookahead.Cursor;
        _aheadFeatures ??= cursor.GetGetter<VBuffer<float>>(_featureColumn);
        _aheadId ??= cursor.GetIdGetter();
        while (cursor.Position < position)
        {
            if (!cursor.MoveNext())
            {
                throw new InvalidOperationException($"Column '{_featureColumn.Name}', row {position}: the input data ended at row {cursor.Position} for a second cursor; ML.NET data views must give every cursor the same rows.");
            }
        }

        if (cursor.Position != position)
        {
            throw new InvalidOperationException($"Column '{_featureColumn.Name}': row {position} was asked for after row {cursor.Position}; cursors move forward only.");
        }

        var size = _nextBlockSize;
        _nextBlockSize = Math.Min(2 * size, LargestBlock);
        _block.Clear();
        while (true)
        {
            _aheadFeatures(ref _values);
            _aheadId(ref _blockIds[_block.Rows]);
            _block.Add(_values, cursor.Position);
            if (_block.Rows == size || !cursor.MoveNext())
            {
                break;
            }
        }

        _blockStart = position;
        _scorer.Score(_block, _blockIds, _outputs);
    }
}
