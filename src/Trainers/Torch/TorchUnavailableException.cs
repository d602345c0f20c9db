namespace MlNetMlp;

/// <summary>libtorch, the native engine behind the MLP trainer, could not start. The message says why and what to do.</summary>
public sealed class TorchUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception with an explanation and the failure TorchSharp reported.</summary>
    public TorchUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
