namespace MlNetMlp.Callbacks;

/// <summary>
/// Steers a training run from its hooks, as Keras's <c>keras.callbacks.Callback</c>: at the run's start and end, at
/// each epoch's start and end (with the epoch's named figures) and at each batch's end. Through the
/// <see cref="MlpTrainingContext"/> a callback can stop training, read and set the learning rate, read the history,
/// snapshot and restore the weights, and save the current model. Callbacks run in the order of
/// <c>MlpOptions.Callbacks</c>; an exception a callback throws ends <c>Fit</c> with the callback named. A callback keeps
/// its state for one run: the built-in ones start afresh in <see cref="OnTrainBegin"/>.
/// </summary>
public abstract class MlpCallback
{
    /// <summary>Called once, before the first epoch (or, when resumed, before the first epoch left to train).</summary>
    /// <param name="context">The run.</param>
    public virtual void OnTrainBegin(MlpTrainingContext context)
    {
    }

    /// <summary>Called once, after the last epoch.</summary>
    /// <param name="context">The run.</param>
    public virtual void OnTrainEnd(MlpTrainingContext context)
    {
    }

    /// <summary>Called before each epoch.</summary>
    /// <param name="context">The run.</param>
    /// <param name="epoch">The epoch about to train, from 1.</param>
    public virtual void OnEpochBegin(MlpTrainingContext context, int epoch)
    {
    }

    /// <summary>Called after each epoch, its validation included.</summary>
    /// <param name="context">The run; <see cref="MlpTrainingContext.History"/> already holds <paramref name="epoch"/>.</param>
    /// <param name="epoch">The epoch's figures (<see cref="MlpEpoch.Figures"/> by name).</param>
    public virtual void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch)
    {
    }

    /// <summary>Called after each batch's optimizer step.</summary>
    /// <param name="context">The run.</param>
    /// <param name="batch">The batch: its epoch, number, rows and loss.</param>
    public virtual void OnBatchEnd(MlpTrainingContext context, MlpBatch batch)
    {
    }

    /// <summary>The callback as it is named in messages and in the model's recorded settings.</summary>
    /// <returns>The type's name, or the built-in callbacks' constructor call.</returns>
    public override string ToString() => GetType().Name;

    /// <summary>Called after every callback's <see cref="OnEpochEnd"/>: the epoch is complete, every callback's decision about it made.</summary>
    internal virtual void OnEpochDone(MlpTrainingContext context, MlpEpoch epoch)
    {
    }

    /// <summary>Called after every callback's <see cref="OnTrainBegin"/>: a resumed run's state replaces what they reset.</summary>
    internal virtual void OnTrainReady(MlpTrainingContext context)
    {
    }

    /// <summary>Whether the callback sets the learning rate, which a schedule in the options would override.</summary>
    internal virtual bool SetsLearningRate => false;

    /// <summary>Files the callback writes, which two runs (an ensemble's members) would overwrite.</summary>
    internal virtual string? WritesTo => null;

    /// <summary>The figure the callback watches, checked when the trainer is built (a validation figure needs validation data).</summary>
    internal virtual string? Monitors => null;
}
