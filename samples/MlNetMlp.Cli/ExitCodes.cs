namespace MlNetMlp.Cli;

/// <summary>The program's exit codes, so scripts can tell failures apart.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>The command line is wrong (unknown command, missing or invalid option).</summary>
    public const int Usage = 2;

    /// <summary>libtorch could not start.</summary>
    public const int TorchUnavailable = 3;

    /// <summary>A file or folder named on the command line does not exist, or a data set is not available.</summary>
    public const int NotFound = 4;

    /// <summary>A model file is corrupt, truncated, or from an incompatible version.</summary>
    public const int BadModel = 5;

    /// <summary>An input or data file is not in the expected format, or does not fit the model.</summary>
    public const int BadInput = 6;

    /// <summary>A pipeline step cannot be exported to ONNX so that ONNX Runtime scores as ML.NET does.</summary>
    public const int NotExportable = 7;

    /// <summary>Anything else.</summary>
    public const int Failure = 1;
}
