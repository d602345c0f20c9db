using MlNetMlp.Callbacks;

namespace MlNetMlp.Trainers.Callbacks;

/// <summary>Reports each epoch, Keras's one-line form, to ML.NET's log and to <c>MlpOptions.Progress</c>.</summary>
internal sealed class ProgressReporter(Action<string> log, Action<MlpEpoch>? progress) : MlpCallback
{
    public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch)
    {
        log(epoch.ToString());
        progress?.Invoke(epoch);
    }

    public override string ToString() => "MlpOptions.Progress";
}
