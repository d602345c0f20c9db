using System.Globalization;

namespace MlNetMlp.Experiments.Reporting;

/// <summary>How reports write a network: "10,000 inputs → Dense(16, Relu), Dropout(0.5) → Dense(1, Sigmoid)".</summary>
internal static class NetworkDescription
{
    public static string Of(int inputs, IEnumerable<MlpLayer> hiddenLayers, string outputLayer) =>
        $"{inputs.ToString("N0", CultureInfo.InvariantCulture)} inputs → {string.Join(", ", hiddenLayers)} → {outputLayer}";
}
