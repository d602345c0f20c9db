using System.Globalization;

namespace MlNetMlp;

/// <summary>
/// One hidden layer, built the Keras way: <c>MlpLayer.Dense(16, MlpActivation.Relu, l2: 0.001f)</c> or
/// <c>MlpLayer.Dropout(0.5f)</c>. The output layer is added from the task.
/// </summary>
public sealed record MlpLayer
{
    private MlpLayer(MlpLayerKind kind, int units, MlpActivation activation, float l1, float l2, float rate)
    {
        Kind = kind;
        Units = units;
        Activation = activation;
        L1 = l1;
        L2 = l2;
        Rate = rate;
    }

    /// <summary>Dense or dropout.</summary>
    public MlpLayerKind Kind { get; }

    /// <summary>Units of a dense layer; 0 for dropout.</summary>
    public int Units { get; }

    /// <summary>Activation of a dense layer.</summary>
    public MlpActivation Activation { get; }

    /// <summary>L1 factor on the kernel: λ·Σ|w| is added to the loss, as Keras's <c>regularizers.l1(λ)</c>.</summary>
    public float L1 { get; }

    /// <summary>L2 factor on the kernel: λ·Σw² is added to the loss, as Keras's <c>regularizers.l2(λ)</c> (not weight decay).</summary>
    public float L2 { get; }

    /// <summary>Dropout rate: the fraction of inputs zeroed in training (the rest scaled by 1/(1 - rate)); 0 for dense layers.</summary>
    public float Rate { get; }

    /// <summary>A fully connected layer, as Keras's <c>Dense(units, activation, kernel_regularizer)</c>.</summary>
    /// <param name="units">Number of units, at least 1.</param>
    /// <param name="activation">Activation; <see cref="MlpActivation.Auto"/> is not allowed for hidden layers.</param>
    /// <param name="l1">L1 factor on the kernel, at least 0.</param>
    /// <param name="l2">L2 factor on the kernel, at least 0.</param>
    /// <returns>The layer description.</returns>
    public static MlpLayer Dense(int units, MlpActivation activation = MlpActivation.Relu, float l1 = 0, float l2 = 0) =>
        new(MlpLayerKind.Dense, units, activation, l1, l2, 0);

    /// <summary>A dropout layer, as Keras's <c>Dropout(rate)</c>: active only in training.</summary>
    /// <param name="rate">Fraction of inputs to drop, in [0, 1).</param>
    /// <returns>The layer description.</returns>
    public static MlpLayer Dropout(float rate) => new(MlpLayerKind.Dropout, 0, MlpActivation.Linear, 0, 0, rate);

    /// <summary>Checks the layer; <paramref name="option"/> and <paramref name="position"/> name it in messages.</summary>
    internal void Validate(string option, string position)
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(option, $"{position}: expected kind Dense or Dropout. Received: kind={(int)Kind}");
        }

        if (Kind == MlpLayerKind.Dropout)
        {
            if (!(Rate >= 0 && Rate < 1))
            {
                throw new ArgumentOutOfRangeException(option, $"{position}: expected rate in [0, 1). Received: rate={Format(Rate)}");
            }

            return;
        }

        if (Units < 1)
        {
            throw new ArgumentOutOfRangeException(option, $"{position}: expected units >= 1. Received: units={Units}");
        }

        if (!Enum.IsDefined(Activation))
        {
            throw new ArgumentOutOfRangeException(option, $"{position}: expected one of {string.Join(", ", Enum.GetNames<MlpActivation>().Skip(1))}. Received: activation={(int)Activation}");
        }

        if (Activation == MlpActivation.Auto)
        {
            throw new ArgumentOutOfRangeException(option, $"{position}: expected an explicit activation; Auto applies to the output layer only. Received: activation=Auto");
        }

        if (!(L1 >= 0 && float.IsFinite(L1)))
        {
            throw new ArgumentOutOfRangeException(option, $"{position}: expected a finite l1 >= 0. Received: l1={Format(L1)}");
        }

        if (!(L2 >= 0 && float.IsFinite(L2)))
        {
            throw new ArgumentOutOfRangeException(option, $"{position}: expected a finite l2 >= 0. Received: l2={Format(L2)}");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind == MlpLayerKind.Dropout
        ? $"Dropout({Format(Rate)})"
        : $"Dense({Units}, {Activation}{(L1 > 0 ? $", l1={Format(L1)}" : "")}{(L2 > 0 ? $", l2={Format(L2)}" : "")})";

    private static string Format(float value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The kinds of hidden layer.</summary>
public enum MlpLayerKind
{
    /// <summary>Fully connected: activation(x·W + b).</summary>
    Dense,

    /// <summary>Random zeroing in training; the identity at inference.</summary>
    Dropout,
}
