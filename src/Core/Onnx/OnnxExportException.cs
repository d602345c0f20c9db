namespace MlNetMlp;

/// <summary>
/// A pipeline step cannot be written as ONNX, or cannot be written so that ONNX Runtime scores exactly as ML.NET
/// does. Thrown by <c>mlContext.Model.ConvertToOnnx</c> before anything is written; the message names the step,
/// says why, and what to change.
/// </summary>
public sealed class OnnxExportException : NotSupportedException
{
    /// <summary>Creates the exception for <paramref name="step"/>.</summary>
    /// <param name="step">The step at fault, e.g. "WordIndex (column 'WordIndices')".</param>
    /// <param name="reason">Why it cannot be exported, and what to do instead.</param>
    public OnnxExportException(string step, string reason)
        : base($"{step} cannot be exported to ONNX: {reason}")
    {
        Step = step;
        Reason = reason;
    }

    /// <summary>The step at fault.</summary>
    public string Step { get; }

    /// <summary>Why it cannot be exported, and what to do instead.</summary>
    public string Reason { get; }
}
