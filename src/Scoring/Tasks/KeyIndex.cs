namespace MlNetMlp.Scoring.Tasks;

/// <summary>
/// The one place where ML.NET's keys meet the network's class indices: ML.NET keys are 1-based (0 means missing),
/// the network's output units are 0-based.
/// </summary>
internal static class KeyIndex
{
    /// <summary>The output unit of key <paramref name="key"/> (1..count); -1 for the missing key 0.</summary>
    public static int ToClassIndex(uint key) => (int)key - 1;

    /// <summary>The key of output unit <paramref name="classIndex"/>.</summary>
    public static uint FromClassIndex(int classIndex) => (uint)classIndex + 1;
}
