using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Scoring.Onnx;

namespace MlNetMlp;

public abstract partial record MlpLayer
{
    /// <summary>A fully connected layer, as Keras's <c>Dense(units, activation, kernel_regularizer, trainable)</c>.</summary>
    /// <param name="units">Number of units, at least 1.</param>
    /// <param name="activation">Activation; <see cref="MlpActivation.Auto"/> and <see cref="MlpActivation.Softmax"/> are for the output layer only.</param>
    /// <param name="l1">L1 factor on the kernel, at least 0.</param>
    /// <param name="l2">L2 factor on the kernel, at least 0.</param>
    /// <param name="trainable">False to keep the layer's weights as they start (from <c>InitialWeights</c>) through training.</param>
    /// <param name="kernelInitializer">How the kernel starts; null for the network's <c>KernelInitializer</c> (LecunNormal for SELU, which needs it).</param>
    /// <returns>The layer description (its type is the kind's, e.g. <see cref="DenseLayer"/>).</returns>
    public static MlpLayer Dense(int units, MlpActivation activation = MlpActivation.Relu, float l1 = 0, float l2 = 0, bool trainable = true, MlpKernelInitializer? kernelInitializer = null) =>
        new DenseLayer(units, activation, l1, l2, trainable, kernelInitializer);
}

/// <summary>
/// A fully connected layer: activation(x·W + b), with an optional L1/L2 penalty on the kernel (added to the loss, as
/// Keras's <c>kernel_regularizer</c>). Weights <c>kernel</c> (inputs × units, Keras's layout) and <c>bias</c>.
/// </summary>
public sealed record DenseLayer : MlpLayer
{
    internal DenseLayer(int units, MlpActivation activation, float l1, float l2, bool trainable, MlpKernelInitializer? kernelInitializer)
        : base(trainable)
    {
        Units = units;
        Activation = activation;
        L1 = l1;
        L2 = l2;
        KernelInitializer = kernelInitializer;
    }

    /// <summary>The kind: <c>Dense</c>, in MlNetMlp since 0.1.</summary>
    public static MlpLayerKind LayerKind { get; } = new("Dense", "dense", new Version(0, 1));

    /// <inheritdoc />
    public override MlpLayerKind Kind => LayerKind;

    /// <summary>Number of units.</summary>
    public override int Units { get; }

    /// <summary>The activation applied to x·W + b.</summary>
    public override MlpActivation Activation { get; }

    /// <summary>L1 factor on the kernel: λ·Σ|w| is added to the loss, as Keras's <c>regularizers.l1(λ)</c>.</summary>
    public override float L1 { get; }

    /// <summary>L2 factor on the kernel: λ·Σw² is added to the loss, as Keras's <c>regularizers.l2(λ)</c> (not weight decay).</summary>
    public override float L2 { get; }

    /// <summary>How the kernel starts; null for the network's initializer (LecunNormal when the activation is SELU).</summary>
    public MlpKernelInitializer? KernelInitializer { get; }

    /// <summary>The initializer this layer's kernel starts from in a network whose default is <paramref name="networkDefault"/>.</summary>
    internal MlpKernelInitializer InitializerIn(MlpKernelInitializer networkDefault) =>
        KernelInitializer ?? (Activation == MlpActivation.Selu ? MlpKernelInitializer.LecunNormal : networkDefault);

    internal override void Validate(string option, string position)
    {
        Require(Units >= 1, option, position, "units >= 1", $"units={Units}");
        Require(Enum.IsDefined(Activation), option, position, $"one of {string.Join(", ", Enum.GetNames<MlpActivation>().Skip(1))}", $"activation={(int)Activation}");
        Require(Activation != MlpActivation.Auto, option, position, "an explicit activation; Auto applies to the output layer only", "activation=Auto");
        Require(Activation != MlpActivation.Softmax, option, position,
            "hidden layers only; MlNetMlp adds the output layer from the task (softmax for multiclass), so a Keras-style Dense(units, Softmax) " +
            "listed last would become a hidden layer before it. Remove it from Layers, and set OutputActivation to change the output layer", "activation=Softmax");
        Require(L1 >= 0 && float.IsFinite(L1), option, position, "a finite l1 >= 0", $"l1={Format(L1)}");
        Require(L2 >= 0 && float.IsFinite(L2), option, position, "a finite l2 >= 0", $"l2={Format(L2)}");
        Require(KernelInitializer is null || Enum.IsDefined(KernelInitializer.Value), option, position,
            $"one of {string.Join(", ", Enum.GetNames<MlpKernelInitializer>())}", $"kernelInitializer={(int?)KernelInitializer}");
    }

    internal override int OutputWidth(int inputs) => Units;

    internal override IReadOnlyList<LayerWeight> WeightsFor(int inputs) => [new("kernel", [inputs, Units]), new("bias", [Units])];

    internal override LayerPass CreatePass(int inputs, LayerWeights weights) =>
        new Pass(new DenseWeights(inputs, Units, weights["kernel"], weights["bias"]), Activation);

    internal override string WriteOnnx(OnnxGraph graph, string input, LayerWeights weights)
    {
        var inputs = weights.Specs[0].Shape[0];
        var kernel = graph.Constant(weights["kernel"], inputs, Units);
        var bias = graph.Constant(weights["bias"], Units);
        return ActivationOnnx.Apply(graph, Activation, graph.Apply("Gemm", input, kernel, bias));
    }

    internal override void WriteConfig(LayerConfig config)
    {
        config.Set("units", Units);
        config.Set("activation", Activation);
        config.Set("l1", L1);
        config.Set("l2", L2);
        if (KernelInitializer is { } initializer)
        {
            config.Set("kernel_initializer", initializer);
        }
    }

    internal static DenseLayer FromConfig(LayerConfig config, bool trainable) => new(
        config.Integer("units"), config.Enum<MlpActivation>("activation"), config.Float("l1"), config.Float("l2"), trainable,
        config.OptionalEnum<MlpKernelInitializer>("kernel_initializer"));

    private protected override IEnumerable<string> Arguments()
    {
        yield return Units.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return Activation.ToString();
        if (L1 > 0)
        {
            yield return $"l1={Format(L1)}";
        }

        if (L2 > 0)
        {
            yield return $"l2={Format(L2)}";
        }

        if (KernelInitializer is { } initializer)
        {
            yield return $"kernelInitializer={initializer}";
        }
    }

    /// <summary>
    /// The layer's inference. A wide layer adds, for every non-zero input, its kernel row to the units, so zero
    /// pixels, absent words and units a ReLU switched off cost nothing; a narrow one takes dot products with the
    /// kernel's columns (<see cref="DenseKernels"/>).
    /// </summary>
    private sealed class Pass(DenseWeights weights, MlpActivation activation) : LayerPass
    {
        public override void Run(ref LayerRow row, IStochasticNoise? noise)
        {
            var output = row.NextBuffer(weights.Units);
            weights.Bias.CopyTo(output);
            if (DenseKernels.IsNarrow(weights.Units))
            {
                if (row.IsSparse)
                {
                    DenseKernels.AddColumns(row.Indices, row.Values, weights.Columns, weights.Inputs, output);
                }
                else
                {
                    DenseKernels.AddColumns(row.Dense, weights.Columns, output);
                }
            }
            else if (row.IsSparse)
            {
                DenseKernels.AddRows(row.Indices, row.Values, weights.Kernel, weights.Units, output);
            }
            else
            {
                row.NonZeros(out var indices, out var values);
                DenseKernels.AddRows(indices, values, weights.Kernel, weights.Units, output);
            }

            ActivationFunction.Apply(activation, output);
            row.SetDense(output);
        }
    }
}
