namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// What the training loop tells whatever steers it (the callbacks), at Keras's points: the run's start and end, each
/// epoch's start and end (with its figures), each batch's end; and what it asks: whether to stop after this epoch.
/// </summary>
internal interface ITrainingHooks
{
    void TrainBegin();

    void EpochBegin(int epoch);

    void BatchEnd(int epoch, int batch, int rows, double loss);

    void EpochEnd(MlpEpoch epoch);

    void TrainEnd();

    /// <summary>Whether training ends after the current epoch.</summary>
    bool StopRequested { get; }
}
