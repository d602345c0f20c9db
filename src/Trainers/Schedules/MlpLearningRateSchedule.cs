using System.Globalization;

namespace MlNetMlp.Schedules;

/// <summary>
/// A learning rate that changes as training goes, as Keras's <c>keras.optimizers.schedules.LearningRateSchedule</c>:
/// <see cref="Rate"/> gives the rate of a step, counted from 0 as Keras's <c>optimizer.iterations</c> (the first batch
/// trains with <c>Rate(0)</c>), or of an epoch (from 0) when <see cref="Unit"/> is <see cref="MlpScheduleUnit.Epoch"/>.
/// Set it as <c>MlpOptions.LearningRateSchedule</c>; it replaces <c>MlpOptions.LearningRate</c>. Each schedule checks
/// its arguments when it is made.
/// </summary>
public abstract class MlpLearningRateSchedule
{
    /// <summary>Whether <see cref="Rate"/> counts optimizer steps (batches, Keras's way) or epochs.</summary>
    public MlpScheduleUnit Unit { get; init; } = MlpScheduleUnit.Step;

    /// <summary>The learning rate of step (or epoch) <paramref name="step"/>, counted from 0.</summary>
    /// <param name="step">Optimizer steps taken before this one, or epochs completed before this one.</param>
    /// <returns>The rate, finite and at least 0.</returns>
    public abstract double Rate(long step);

    /// <summary>The schedule as its constructor call, Keras's names and the unit: <c>CosineDecay(initialLearningRate=0.001, decaySteps=1000, ...)</c>.</summary>
    /// <returns>The description a model's recorded settings keep.</returns>
    public override string ToString() =>
        $"{GetType().Name}({string.Join(", ", Arguments().Select(a => $"{a.Name}={Format(a.Value)}"))}{(Unit == MlpScheduleUnit.Epoch ? ", per epoch" : "")})";

    /// <summary>The arguments <see cref="ToString"/> shows.</summary>
    private protected abstract IEnumerable<(string Name, object? Value)> Arguments();

    private protected static void RequirePositive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, $"Expected a finite {name} > 0. Received: {name}={Format(value)}");
        }
    }

    private protected static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, $"Expected a finite {name} >= 0. Received: {name}={Format(value)}");
        }
    }

    private protected static string Format(object? value) => value switch
    {
        null => "null",
        double number => number.ToString(CultureInfo.InvariantCulture),
        float number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IEnumerable<double> numbers => $"[{string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)))}]",
        IEnumerable<long> numbers => $"[{string.Join(", ", numbers)}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>What a schedule's step counts.</summary>
public enum MlpScheduleUnit
{
    /// <summary>Optimizer steps (batches), as Keras's schedules.</summary>
    Step,

    /// <summary>Epochs: the rate is set at each epoch's start.</summary>
    Epoch,
}
