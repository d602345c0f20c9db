using Microsoft.ML.OnnxRuntime;

namespace MlNetMlp.Cli.Data;

/// <summary>An ONNX model file named on the command line: recognized by its extension, checked by loading it in ONNX Runtime.</summary>
internal static class OnnxModelFile
{
    public static bool IsOnnx(string path) => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The graph's input names; a missing file or one ONNX Runtime cannot load is reported with its path.</summary>
    public static IReadOnlyList<string> InputNames(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }

        try
        {
            using var session = new InferenceSession(path);
            return [.. session.InputMetadata.Keys];
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelFormatException($"Model file '{path}' is not an ONNX model ONNX Runtime can load: {e.Message}", e);
        }
    }
}
