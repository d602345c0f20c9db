using MlNetMlp.Callbacks;
using MlNetMlp.Trainers.Torch;

namespace MlNetMlp.Trainers.Callbacks;

/// <summary>
/// Runs the callbacks at the loop's hooks, in order. An exception a callback throws ends the run as an
/// <see cref="InvalidOperationException"/> naming the callback and the hook (the built-in <see cref="TerminateOnNaN"/>'s
/// own errors pass unchanged: they are the run's diagnosis).
/// </summary>
internal sealed class CallbackRunner(IReadOnlyList<MlpCallback> callbacks, MlpTrainingContext context) : ITrainingHooks
{
    public bool StopRequested => context.StopRequested;

    public void TrainBegin()
    {
        Each(nameof(MlpCallback.OnTrainBegin), callback => callback.OnTrainBegin(context));
        Each(nameof(MlpCallback.OnTrainBegin), callback => callback.OnTrainReady(context));
    }

    public void EpochBegin(int epoch) => Each(nameof(MlpCallback.OnEpochBegin), callback => callback.OnEpochBegin(context, epoch));

    public void BatchEnd(int epoch, int batch, int rows, double loss)
    {
        var figures = new MlpBatch(epoch, batch, rows, loss);
        Each(nameof(MlpCallback.OnBatchEnd), callback => callback.OnBatchEnd(context, figures));
    }

    public void EpochEnd(MlpEpoch epoch)
    {
        Each(nameof(MlpCallback.OnEpochEnd), callback => callback.OnEpochEnd(context, epoch));
        Each(nameof(MlpCallback.OnEpochEnd), callback => callback.OnEpochDone(context, epoch));
    }

    public void TrainEnd() => Each(nameof(MlpCallback.OnTrainEnd), callback => callback.OnTrainEnd(context));

    private void Each(string hook, Action<MlpCallback> call)
    {
        foreach (var callback in callbacks)
        {
            try
            {
                call(callback);
            }
            catch (Exception e) when (callback is not TerminateOnNaN && e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"Callback {callback} failed in {hook} (epoch {context.Epoch}): {e.Message}", e);
            }
        }
    }
}
