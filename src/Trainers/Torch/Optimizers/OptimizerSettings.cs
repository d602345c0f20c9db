using System.Globalization;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Optimizers;

/// <summary>
/// The optimizer of one training run, resolved from the options: its kind and constants, decoupled weight decay (and
/// whether biases and normalization weights take it too), and gradient clipping. Builds the optimizer over a
/// network's trainable parameters and describes itself as Keras's constructor call, for the model's recorded settings.
/// </summary>
internal sealed record OptimizerSettings(
    MlpOptimizer Kind,
    double LearningRate,
    double Momentum,
    double Beta1,
    double Beta2,
    bool Amsgrad,
    double WeightDecay,
    bool DecayEveryWeight,
    GradientClipping Clipping)
{
    public const double Rho = MlpOptions.Defaults.Rho;
    public const double Epsilon = MlpOptions.Defaults.Epsilon;

    /// <summary>The optimizer over <paramref name="parameters"/> (each with whether weight decay applies to it).</summary>
    public StepOptimizer Create(IReadOnlyList<(Tensor Parameter, bool Decays)> parameters) => Kind switch
    {
        MlpOptimizer.RmsProp => new RmsPropOptimizer(parameters, LearningRate, Rho, Epsilon, WeightDecay, Clipping),
        MlpOptimizer.Adam or MlpOptimizer.AdamW => new AdamOptimizer(parameters, LearningRate, Beta1, Beta2, Epsilon, Amsgrad, WeightDecay, Clipping),
        MlpOptimizer.Nadam => new NadamOptimizer(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay, Clipping),
        MlpOptimizer.Sgd => new SgdOptimizer(parameters, LearningRate, Momentum, WeightDecay, Clipping),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), $"Unknown optimizer. Received: optimizer={Kind}"),
    };

    /// <summary>Keras's constructor call: <c>AdamW(learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999, clipnorm=1)</c>.</summary>
    public override string ToString()
    {
        var arguments = new List<string> { $"learning_rate={Format(LearningRate)}" };
        switch (Kind)
        {
            case MlpOptimizer.RmsProp:
                arguments.Add($"rho={Format(Rho)}");
                break;
            case MlpOptimizer.Sgd:
                arguments.Add($"momentum={Format(Momentum)}");
                break;
            default:
                arguments.Add($"beta_1={Format(Beta1)}");
                arguments.Add($"beta_2={Format(Beta2)}");
                if (Amsgrad)
                {
                    arguments.Add("amsgrad=true");
                }

                break;
        }

        if (WeightDecay > 0)
        {
            arguments.Add($"weight_decay={Format(WeightDecay)}{(DecayEveryWeight ? " (every weight)" : "")}");
        }

        AddIfSet(arguments, "clipnorm", Clipping.ClipNorm);
        AddIfSet(arguments, "global_clipnorm", Clipping.GlobalClipNorm);
        AddIfSet(arguments, "clipvalue", Clipping.ClipValue);
        return $"{Kind}({string.Join(", ", arguments)})";
    }

    private static void AddIfSet(List<string> arguments, string name, double? value)
    {
        if (value is { } set)
        {
            arguments.Add($"{name}={Format(set)}");
        }
    }

    private static string Format(double value) => ((float)value).ToString(CultureInfo.InvariantCulture);
}
