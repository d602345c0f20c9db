using Microsoft.ML.Data;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>Small seeded synthetic classification data: Gaussian blobs around one centre per class.</summary>
internal static class Blobs
{
    public sealed class Row
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public string Class { get; set; } = "";

        public bool IsFirst { get; set; }
    }

    /// <summary><paramref name="perClass"/> rows around each of three centres, classes "red", "green", "blue".</summary>
    public static List<Row> Create(int perClass, int seed)
    {
        var random = new Random(seed);
        string[] names = ["red", "green", "blue"];
        float[][] centres = [[1, 0, 0, 1], [0, 1, 0, -1], [0, 0, 1, 0]];
        var rows = new List<Row>();
        for (var i = 0; i < perClass; i++)
        {
            for (var c = 0; c < names.Length; c++)
            {
                rows.Add(new Row
                {
                    Features = centres[c].Select(v => v + (random.NextSingle() - 0.5f) * 0.8f).ToArray(),
                    Class = names[c],
                    IsFirst = c == 0,
                });
            }
        }

        return rows;
    }
}
