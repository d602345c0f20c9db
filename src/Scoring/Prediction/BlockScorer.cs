using Microsoft.ML.Data;

namespace MlNetMlp.Scoring.Prediction;

/// <summary>
/// Scores the rows of a <see cref="FeatureBlock"/>, sharing a large block among the cores: the calling thread takes
/// the first share and thread-pool workers the others, each with its own <see cref="RowScorer"/>, writing into
/// disjoint rows of the <see cref="PredictionBuffer"/>. When the calling thread is done with its share it takes over
/// any share no worker has started (a busy thread pool never holds a block up), then spins until the shares under
/// way are done; the work items are made once, so scoring a block allocates nothing. Every row is computed by the
/// same code whichever thread runs it, so the result does not depend on the split.
/// </summary>
internal sealed class BlockScorer
{
    /// <summary>Fewer rows than this per share cost more to hand over than they save.</summary>
    private const int RowsPerShare = 32;

    private readonly RowScorer _scorer;
    private readonly Share[] _helpers;
    private int _running;

    public BlockScorer(ScoringPlan plan, int largestBlock)
    {
        _scorer = plan.CreateScorer();
        var cores = Math.Min(Environment.ProcessorCount, Math.Max(1, largestBlock / RowsPerShare));
        _helpers = Enumerable.Range(1, cores - 1).Select(_ => new Share(this, plan.CreateScorer())).ToArray();
    }

    /// <summary>Scores every row of <paramref name="block"/> (ids in <paramref name="ids"/>) into the same rows of <paramref name="destination"/>.</summary>
    public void Score(FeatureBlock block, DataViewRowId[] ids, PredictionBuffer destination)
    {
        var shares = Math.Clamp(block.Rows / RowsPerShare, 1, _helpers.Length + 1);
        var rowsPerShare = (block.Rows + shares - 1) / shares;
        Volatile.Write(ref _running, shares - 1);
        for (var helper = 0; helper < shares - 1; helper++)
        {
            var start = (helper + 1) * rowsPerShare;
            _helpers[helper].Start(block, ids, start, Math.Min(block.Rows, start + rowsPerShare), destination);
        }

        Run(_scorer, block, ids, 0, Math.Min(block.Rows, rowsPerShare), destination);
        if (shares > 1)
        {
            for (var helper = 0; helper < shares - 1; helper++)
            {
                _helpers[helper].RunUnlessStarted(_scorer);
            }

            var wait = default(SpinWait);
            while (Volatile.Read(ref _running) > 0)
            {
                wait.SpinOnce();
            }

            for (var helper = 0; helper < shares - 1; helper++)
            {
                _helpers[helper].ThrowIfFailed();
            }
        }
    }

    private static void Run(RowScorer scorer, FeatureBlock block, DataViewRowId[] ids, int start, int end, PredictionBuffer destination)
    {
        for (var row = start; row < end; row++)
        {
            scorer.Score(block.Indices(row), block.Values(row), ids[row], destination, row);
        }
    }

    /// <summary>
    /// One helper's share of a block, queued to the thread pool. Whoever claims it first (a worker, or the calling
    /// thread once its own share is done) scores it and counts it done; a work item that finds it claimed does nothing.
    /// </summary>
    private sealed class Share(BlockScorer owner, RowScorer scorer) : IThreadPoolWorkItem
    {
        private const int Waiting = 0;
        private const int Claimed = 1;

        private FeatureBlock? _block;
        private DataViewRowId[] _ids = [];
        private PredictionBuffer? _destination;
        private int _start;
        private int _end;
        private Exception? _failure;
        private int _state = Claimed;

        public void Start(FeatureBlock block, DataViewRowId[] ids, int start, int end, PredictionBuffer destination)
        {
            (_block, _ids, _start, _end, _destination, _failure) = (block, ids, start, end, destination, null);
            Volatile.Write(ref _state, Waiting);
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        public void Execute() => RunUnlessStarted(scorer);

        /// <summary>Scores the share with <paramref name="runner"/> unless someone has claimed it already.</summary>
        public void RunUnlessStarted(RowScorer runner)
        {
            if (Interlocked.Exchange(ref _state, Claimed) != Waiting)
            {
                return;
            }

            try
            {
                Run(runner, _block!, _ids, _start, _end, _destination!);
            }
            catch (Exception e)
            {
                _failure = e;
            }
            finally
            {
                Interlocked.Decrement(ref owner._running);
            }
        }

        public void ThrowIfFailed()
        {
            if (_failure is { } failure)
            {
                throw new InvalidOperationException($"Scoring rows {_start} to {_end - 1} of a block failed: {failure.Message}", failure);
            }
        }
    }
}
