using Microsoft.ML;
using Microsoft.ML.Runtime;
using MlNetMlp;
using MlNetMlp.Trainers;

[assembly: LoadableClass(typeof(MlpTransformer), typeof(MlpTransformerVersion1Loader), null, typeof(SignatureLoadModel),
    "MlNetMlp MLP (0.1)", MlpTransformerVersion1Loader.LoaderSignature)]

namespace MlNetMlp.Trainers;

/// <summary>
/// Loads MLPs saved by MlNetMlp 0.1, when the transformer lived in this assembly: such a model names MlNetMlp.Trainers
/// and the loader signature "MlNetMlpMlpTransformer", so ML.NET comes here, and the scoring package reads it (format
/// version 1). Saving it again writes the current format, which needs MlNetMlp.Scoring only.
/// </summary>
internal static class MlpTransformerVersion1Loader
{
    internal const string LoaderSignature = "MlNetMlpMlpTransformer";

    private static MlpTransformer Create(IHostEnvironment env, ModelLoadContext ctx) => MlpTransformer.Load(ctx);
}
