namespace MlNetMlp;

/// <summary>Activation functions, as Keras names them.</summary>
public enum MlpActivation
{
    /// <summary>Chosen from the task (output layer only): softmax for multiclass, sigmoid for binary and multilabel, linear for regression.</summary>
    Auto,

    /// <summary>The identity, f(x) = x.</summary>
    Linear,

    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>1 / (1 + e^-x).</summary>
    Sigmoid,

    /// <summary>The hyperbolic tangent.</summary>
    Tanh,

    /// <summary>x for x &gt; 0, e^x - 1 otherwise.</summary>
    Elu,

    /// <summary>x·Φ(x), the Gaussian error linear unit.</summary>
    Gelu,

    /// <summary>e^x_i / Σ_j e^x_j over the units of the layer.</summary>
    Softmax,

    /// <summary>
    /// The scaled exponential linear unit (Klambauer et al., 2017): λ·x for x &gt; 0, λ·α·(e^x - 1) otherwise, with
    /// λ ≈ 1.0507 and α ≈ 1.6733; self-normalizing with LecunNormal kernels (a dense layer with SELU gets them unless it names another initializer).
    /// </summary>
    Selu,

    /// <summary>x·sigmoid(x), the sigmoid linear unit (Keras's <c>silu</c>, also called swish).</summary>
    Silu,

    /// <summary>x·tanh(softplus(x)) (Misra, 2019).</summary>
    Mish,
}
