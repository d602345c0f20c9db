using MlNetMlp.Experiments.Studies;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments;

/// <summary>Which networks <see cref="RegularizationStudy"/> trains, for how long, and on what it validates.</summary>
public sealed class RegularizationStudyOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Epochs per network, as in the book.</summary>
        public const int Epochs = RegularizationModels.DefaultEpochs;

        /// <summary>Training reviews held out for validation with <see cref="RegularizationValidation.Split"/>, as the book's <c>x_val</c>.</summary>
        public const int ValidationRows = 10_000;

        /// <summary>The seed every network is trained with.</summary>
        public const int Seed = 1;
    }

    /// <summary>The networks, in the order the report lists them; the book's five by default.</summary>
    public IReadOnlyList<RegularizationModel> Models { get; init; } = RegularizationModels.Book;

    /// <summary>Epochs per network, at least 1.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>Where the curves are measured: the test reviews (the book's protocol) or a hold-out of the training reviews.</summary>
    public RegularizationValidation Validation { get; init; } = RegularizationValidation.Test;

    /// <summary>Training reviews held out with <see cref="RegularizationValidation.Split"/>; at least 1 and fewer than the training reviews.</summary>
    public int ValidationRows { get; init; } = Defaults.ValidationRows;

    /// <summary>Seed of every network's weights, shuffling and dropout masks, and of the hold-out.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>
    /// Whether to measure the dropout network's predictive uncertainty on the test reviews as well: the trained network
    /// itself, Monte Carlo dropout over it, and a deep ensemble of the same network. Off by default: the ensemble trains
    /// <see cref="EnsembleMembers"/> more dropout networks, which doubles the study's time. Takes effect only with
    /// <see cref="RegularizationModel.Dropout"/> among the models.
    /// </summary>
    public bool Uncertainty { get; init; }

    /// <summary>Stochastic passes of Monte Carlo dropout, at least 2.</summary>
    public int MonteCarloSamples { get; init; } = UncertaintyMethodsOptions.Defaults.MonteCarloSamples;

    /// <summary>Members of the deep ensemble, at least 2.</summary>
    public int EnsembleMembers { get; init; } = UncertaintyMethodsOptions.Defaults.EnsembleMembers;

    /// <summary>Called after every epoch of every network with its figures.</summary>
    public Action<RegularizationModel, MlpEpoch>? EpochCompleted { get; init; }

    /// <summary>Checks every rule; throws naming the option at fault.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Models, nameof(Models));
        if (Models.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Models), "Expected at least one model. Received: an empty list");
        }

        var undefined = Models.Where(m => !Enum.IsDefined(m)).ToList();
        if (undefined.Count > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Models), $"Expected models among {string.Join(", ", Enum.GetNames<RegularizationModel>())}. Received: {(int)undefined[0]}");
        }

        if (Models.Distinct().Count() != Models.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(Models), $"Expected each model once. Received: {string.Join(", ", Models)}");
        }

        OptionCheck.AtLeast(Epochs, 1, nameof(Epochs));
        if (!Enum.IsDefined(Validation))
        {
            throw new ArgumentOutOfRangeException(nameof(Validation), $"Expected Test or Split. Received: {(int)Validation}");
        }

        OptionCheck.AtLeast(ValidationRows, 1, nameof(ValidationRows));
        if (Uncertainty)
        {
            OptionCheck.AtLeast(MonteCarloSamples, 2, nameof(MonteCarloSamples), "one pass has no spread");
            OptionCheck.AtLeast(EnsembleMembers, 2, nameof(EnsembleMembers), "one network is no ensemble");
        }
    }
}
