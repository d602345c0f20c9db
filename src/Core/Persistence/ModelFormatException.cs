namespace MlNetMlp;

/// <summary>
/// A saved model could not be read: the file is truncated or corrupt, or it was written by a
/// version of MlNetMlp this one cannot read. The message names the file or component and the problem.
/// </summary>
public sealed class ModelFormatException : FormatException
{
    /// <summary>Creates the exception with a message that names the file or component and the problem.</summary>
    public ModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the lower-level cause.</summary>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
