namespace MlNetMlp;

/// <summary>
/// A saved model could not be read: the file is not a model, or it is truncated or corrupt, or it was written by a
/// version of MlNetMlp this one cannot read. The message names the file or component and the problem;
/// <see cref="EntryName"/> names the entry of the model <c>.zip</c> where the problem was found, when that is known.
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

    /// <summary>Creates the exception for a problem found in one entry of the model <c>.zip</c>.</summary>
    internal ModelFormatException(string message, string? entryName, Exception? innerException = null)
        : base(message, innerException)
    {
        EntryName = entryName;
    }

    /// <summary>The entry of the model <c>.zip</c> the problem was found in (e.g. <c>TransformerChain/Transform_000/Model.key</c>), or null when it is not known.</summary>
    public string? EntryName { get; }
}
