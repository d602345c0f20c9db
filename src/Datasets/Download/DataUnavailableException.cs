namespace MlNetMlp.Datasets;

/// <summary>A data file is neither in the cache nor downloadable; the message says where it looked and how to get the file.</summary>
public sealed class DataUnavailableException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">Where the program looked and how to get the data.</param>
    /// <param name="innerException">The last download failure, if any.</param>
    public DataUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
