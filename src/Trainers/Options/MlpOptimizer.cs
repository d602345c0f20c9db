namespace MlNetMlp.Trainers;

/// <summary>Optimizers, with Keras's defaults.</summary>
public enum MlpOptimizer
{
    /// <summary>
    /// RMSprop as Keras computes it: v = ρ·v + (1 - ρ)·g², w -= lr·g / sqrt(v + ε), with ρ = 0.9 and ε = 1e-7
    /// (PyTorch adds ε outside the square root, which takes much larger steps on tiny gradients).
    /// </summary>
    RmsProp,

    /// <summary>Adam with β1 = 0.9, β2 = 0.999, ε = 1e-7.</summary>
    Adam,

    /// <summary>Stochastic gradient descent with momentum (<see cref="MlpOptions.Momentum"/>, 0 by default).</summary>
    Sgd,
}
