using MlNetMlp.Network;

namespace MlNetMlp.Prediction;

/// <summary>
/// Scores the rows of a <see cref="FeatureBlock"/>, sharing a large block among the cores: the calling thread takes
/// the first share and thread-pool workers the others, each with its own <see cref="ForwardPass"/>, writing into
/// disjoint rows of the output arrays. The work items are made once and the calling thread spins until the helpers'
/// count drops to zero (the shares are equal, so the wait is short), so scoring a block allocates nothing.
/// Every row is computed by the same code whichever thread runs it, so the result does not depend on the split.
/// </summary>
internal sealed class BlockScorer
{
    /// <summary>Fewer rows than this per share cost more to hand over than they save.</summary>
    private const int RowsPerShare = 32;

    private readonly ForwardPass _pass;
    private readonly Share[] _helpers;
    private readonly int _outputs;
    private int _running;

    public BlockScorer(MlpModel model, int largestBlock)
    {
        _pass = new ForwardPass(model.Architecture, model.DenseLayers);
        _outputs = model.OutputSize;
        var cores = Math.Min(Environment.ProcessorCount, Math.Max(1, largestBlock / RowsPerShare));
        _helpers = Enumerable.Range(1, cores - 1).Select(_ => new Share(this, new ForwardPass(model.Architecture, model.DenseLayers))).ToArray();
    }

    /// <summary>Writes each row's raw and activated outputs (rows × outputs, row-major) into the arrays.</summary>
    public void Score(FeatureBlock block, float[] raw, float[] activated)
    {
        var shares = Math.Clamp(block.Rows / RowsPerShare, 1, _helpers.Length + 1);
        var rowsPerShare = (block.Rows + shares - 1) / shares;
        Volatile.Write(ref _running, shares - 1);
        for (var helper = 0; helper < shares - 1; helper++)
        {
            var start = (helper + 1) * rowsPerShare;
            _helpers[helper].Start(block, start, Math.Min(block.Rows, start + rowsPerShare), raw, activated, _outputs);
        }

        Run(_pass, block, 0, Math.Min(block.Rows, rowsPerShare), raw, activated, _outputs);
        if (shares > 1)
        {
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

    private static void Run(ForwardPass pass, FeatureBlock block, int start, int end, float[] raw, float[] activated, int outputs)
    {
        for (var row = start; row < end; row++)
        {
            pass.Run(block.Indices(row), block.Values(row), raw.AsSpan(row * outputs, outputs), activated.AsSpan(row * outputs, outputs));
        }
    }

    /// <summary>One helper's share of a block, queued to the thread pool.</summary>
    private sealed class Share(BlockScorer scorer, ForwardPass pass) : IThreadPoolWorkItem
    {
        private FeatureBlock? _block;
        private float[] _raw = [];
        private float[] _activated = [];
        private int _start;
        private int _end;
        private int _outputs;
        private Exception? _failure;

        public void Start(FeatureBlock block, int start, int end, float[] raw, float[] activated, int outputs)
        {
            (_block, _start, _end, _raw, _activated, _outputs, _failure) = (block, start, end, raw, activated, outputs, null);
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        public void Execute()
        {
            try
            {
                Run(pass, _block!, _start, _end, _raw, _activated, _outputs);
            }
            catch (Exception e)
            {
                _failure = e;
            }
            finally
            {
                Interlocked.Decrement(ref scorer._running);
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
