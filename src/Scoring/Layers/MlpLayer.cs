using System.Globalization;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Layers;

namespace MlNetMlp;

/// <summary>
/// One hidden layer, built the Keras way: <c>MlpLayer.Dense(16, MlpActivation.Relu, l2: 0.001f)</c>,
/// <c>MlpLayer.Dropout(0.5f)</c>, <c>MlpLayer.BatchNormalization()</c> or
/// <c>MlpLayer.GaussianNoise(0.1f)</c>; the output layer is added from the task. Each kind is one type (
/// <see cref="DenseLayer"/>, <see cref="DropoutLayer"/>, ...) that holds its options and, inside the library, all
/// that the kind means: its weights by name and shape, its managed forward pass, its ONNX nodes, its saved
/// configuration and its summary line. A layer with <see cref="Trainable"/> false keeps its weights through
/// <c>Fit</c>, as a frozen Keras layer does.
/// </summary>
public abstract partial record MlpLayer
{
    private protected MlpLayer(bool trainable)
    {
        Trainable = trainable;
    }

    /// <summary>Which kind of layer this is (its name in model files and summaries).</summary>
    public abstract MlpLayerKind Kind { get; }

    /// <summary>
    /// Whether <c>Fit</c> updates this layer's weights (Keras's <c>trainable</c>). False freezes them: they keep the
    /// values <c>InitialWeights</c> gave (or their initial ones), and a frozen <see cref="BatchNormalizationLayer"/>
    /// normalizes with its moving statistics and does not update them, as Keras does since 2.1.3.
    /// </summary>
    public bool Trainable { get; init; }

    /// <summary>Units of a <see cref="DenseLayer"/>; 0 for the other kinds.</summary>
    public virtual int Units => 0;

    /// <summary>Activation of a <see cref="DenseLayer"/>; <see cref="MlpActivation.Linear"/> for the other kinds.</summary>
    public virtual MlpActivation Activation => MlpActivation.Linear;

    /// <summary>L1 factor on a <see cref="DenseLayer"/>'s kernel; 0 for the other kinds.</summary>
    public virtual float L1 => 0;

    /// <summary>L2 factor on a <see cref="DenseLayer"/>'s kernel; 0 for the other kinds.</summary>
    public virtual float L2 => 0;

    /// <summary>Rate of a <see cref="DropoutLayer"/>; 0 for the other kinds.</summary>
    public virtual float Rate => 0;

    /// <summary>Whether the layer draws random numbers in training (dropout, noise), and so in a Monte Carlo pass.</summary>
    public virtual bool IsStochastic => false;

    /// <summary>Checks the options; <paramref name="option"/> is the options' name and <paramref name="position"/> names the layer in messages.</summary>
    internal abstract void Validate(string option, string position);

    /// <summary>The width of the layer's output for an input of <paramref name="inputs"/> values.</summary>
    internal virtual int OutputWidth(int inputs) => inputs;

    /// <summary>The weights the layer holds for an input of <paramref name="inputs"/> values, by name and shape (Keras's names).</summary>
    internal virtual IReadOnlyList<LayerWeight> WeightsFor(int inputs) => [];

    /// <summary>The managed inference of the layer with its trained <paramref name="weights"/>, for one thread.</summary>
    internal abstract LayerPass CreatePass(int inputs, LayerWeights weights);

    /// <summary>Writes the layer's inference over <paramref name="input"/> ([N, inputs]) and returns its output's variable.</summary>
    internal abstract string WriteOnnx(OnnxGraph graph, string input, LayerWeights weights);

    /// <summary>Adds the options to the layer's saved configuration (<see cref="Trainable"/> is written by the caller).</summary>
    internal abstract void WriteConfig(LayerConfig config);

    /// <summary>What a model summary shows for the layer: Keras's type name, or more where the kind has it.</summary>
    internal virtual string SummaryType => Kind.Name;

    /// <summary>"Name(arguments)", Keras's constructor call, ", trainable=false" when frozen.</summary>
    /// <returns>The layer as it would be written.</returns>
    public sealed override string ToString() =>
        $"{Kind.Name}({string.Join(", ", Arguments().Concat(Trainable ? [] : ["trainable=false"]))})";

    /// <summary>The constructor arguments <see cref="ToString"/> shows.</summary>
    private protected abstract IEnumerable<string> Arguments();

    private protected static string Format(float value) => value.ToString(CultureInfo.InvariantCulture);

    private protected static void Require(bool condition, string option, string position, string expected, string received)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(option, $"{position}: expected {expected}. Received: {received}");
        }
    }
}
