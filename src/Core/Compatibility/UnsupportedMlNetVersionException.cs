namespace MlNetMlp;

/// <summary>The application runs on an ML.NET release outside <see cref="MlNetVersionGuard.Supported"/>; the message names both.</summary>
public sealed class UnsupportedMlNetVersionException : InvalidOperationException
{
    /// <summary>Creates the exception with its one-line explanation.</summary>
    /// <param name="message">What was loaded, what is supported, and what to do.</param>
    public UnsupportedMlNetVersionException(string message)
        : base(message)
    {
    }
}
