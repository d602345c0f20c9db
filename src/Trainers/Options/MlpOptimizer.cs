namespace MlNetMlp;

/// <summary>Optimizers, with Keras's defaults.</summary>
public enum MlpOptimizer
{
    /// <summary>
    /// RMSprop as Keras computes it: v = ρ·v + (1 - ρ)·g², w -= lr·g / sqrt(v + ε), with ρ = 0.9 and ε = 1e-7
    /// (PyTorch adds ε outside the square root, which takes much larger steps on tiny gradients).
    /// </summary>
    RmsProp,

    /// <summary>
    /// Adam with Keras's constants β1 = 0.9, β2 = 0.999, ε = 1e-7, in PyTorch's update form (ε added to the
    /// bias-corrected sqrt(v)); Keras adds ε before the bias correction, a difference only for gradients near zero.
    /// </summary>
    Adam,

    /// <summary>Stochastic gradient descent with momentum (<see cref="MlpOptions.Momentum"/>, 0 by default); for a constant learning rate the same steps as Keras's SGD.</summary>
    Sgd,

    /// <summary>
    /// Adam with decoupled weight decay (Loshchilov and Hutter, 2019), Keras's <c>AdamW</c>: weight decay 0.004 unless
    /// <see cref="MlpOptions.WeightDecay"/> says otherwise, applied as w -= w·decay·lr before each step, to kernels only
    /// unless <see cref="MlpOptions.WeightDecayOnEveryWeight"/>.
    /// </summary>
    AdamW,

    /// <summary>Adam with Nesterov momentum (Dozat, 2016), as Keras's <c>Nadam</c> and PyTorch's <c>NAdam</c> (momentum decay 0.004).</summary>
    Nadam,
}
