using System.Globalization;

namespace MlNetMlp.Callbacks;

/// <summary>
/// Sets the learning rate at the start of each epoch from a function of the epoch (from 0, as Keras counts) and the
/// current rate, as Keras's <c>LearningRateScheduler</c>: <c>new LearningRateScheduler((epoch, rate) => epoch &lt; 10 ? rate : rate * 0.9)</c>.
/// </summary>
/// <param name="schedule">The rate of an epoch; it must be finite and at least 0.</param>
public sealed class LearningRateScheduler(Func<int, double, double> schedule) : MlpCallback
{
    private readonly Func<int, double, double> _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));

    internal override bool SetsLearningRate => true;

    /// <inheritdoc />
    public override void OnEpochBegin(MlpTrainingContext context, int epoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rate = _schedule(epoch - 1, context.LearningRate);
        if (!(rate >= 0 && double.IsFinite(rate)))
        {
            throw new InvalidOperationException($"The schedule gave the learning rate {rate.ToString(CultureInfo.InvariantCulture)} for epoch {epoch - 1} (from 0); expected a finite rate >= 0.");
        }

        context.LearningRate = rate;
    }
}
