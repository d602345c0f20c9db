using MlNetMlp.Callbacks;
using MlNetMlp.Scoring.Layers;

namespace MlNetMlp.Trainers.Callbacks;

/// <summary>
/// A callback whose state <see cref="BackupAndRestore"/> keeps with the run, so a resumed run decides as the
/// uninterrupted one would have: numbers, and weights where the callback holds some (the best epoch's).
/// </summary>
internal interface IBackedUpCallback
{
    CallbackState Save();

    void Load(CallbackState state);
}

/// <summary>The state of one callback in a backup.</summary>
internal sealed record CallbackState(IReadOnlyList<double> Numbers, IReadOnlyList<LayerWeights>? Weights = null, int WeightsEpoch = 0);
