using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments;

/// <summary>
/// The book's validation losses, epochs 1 to 20, that the study prints beside its own: Chollet, <i>Deep Learning with
/// Python</i>, 1st edition, notebook 4.4 (Keras 2.0.8), validated on the 25,000 test reviews. Keras's <c>val_loss</c>
/// includes the L2 penalty, so the L2 model's numbers do too.
/// </summary>
public static class BookReference
{
    /// <summary>Where the numbers come from.</summary>
    public const string Source = "Chollet, Deep Learning with Python, 1st edition, notebook 4.4 (Keras 2.0.8; validation on the 25,000 test reviews; val_loss includes the L2 penalty)";

    private static readonly Dictionary<RegularizationModel, double[]> ValidationLosses = new()
    {
        [RegularizationModel.Original] = [.3429, .2873, .2827, .2921, .3100, .3336, .3987, .3788, .4242, .4256, .4515, .5102, .5281, .5441, .5777, .6377, .7269, .6920, .7689, .7694],
        [RegularizationModel.Smaller] = [.4826, .3699, .3140, .2913, .2809, .2772, .2835, .2909, .2984, .3102, .3219, .3379, .3532, .3651, .3858, .4157, .4214, .4390, .4539, .4744],
        [RegularizationModel.Bigger] = [.4150, .2742, .5442, .4316, .5098, .6867, .6737, .6185, .7328, .7092, .6831, .8005, .7540, .7806, .8107, .8394, .7708, .8885, .8419, .8896],
        [RegularizationModel.L2] = [.3820, .3353, .3306, .3363, .3492, .3567, .3632, .3630, .3704, .3876, .3883, .3870, .4073, .3976, .4362, .4088, .4185, .4371, .4136, .4200],
        [RegularizationModel.Dropout] = [.4704, .3612, .2960, .2772, .2803, .2823, .2982, .3101, .3318, .3534, .3689, .4107, .4114, .4549, .4579, .4843, .4783, .5051, .5451, .5358],
    };

    /// <summary>The book's validation loss after each epoch for <paramref name="model"/>; null for the models the book does not train.</summary>
    /// <param name="model">The network.</param>
    /// <returns>Twenty losses, epoch 1 first, or null.</returns>
    public static IReadOnlyList<double>? ValidationLoss(RegularizationModel model) => ValidationLosses.GetValueOrDefault(model);
}
