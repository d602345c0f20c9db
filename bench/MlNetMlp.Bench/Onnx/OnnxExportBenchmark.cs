using System.Globalization;
using System.Reflection;
using MlNetMlp.Bench.Harness;

namespace MlNetMlp.Bench.Onnx;

/// <summary>
/// The ONNX export benchmark, bench/MlNetMlp.Bench.Onnx: the course's MNIST and IMDb models exported with
/// <c>ConvertToOnnx</c> and scored in ONNX Runtime beside the ML.NET transformers. It is a program of its own (it carries
/// ONNX Runtime, which nothing else here needs) and prints its tables as Markdown; this runs it in a child process and
/// hands the tables on to RESULTS.md unchanged, a heading level down.
/// </summary>
internal sealed class OnnxExportBenchmark(BenchContext context)
{
    private static readonly string Program = Path.GetFullPath(typeof(OnnxExportBenchmark).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OnnxBenchDll").Value!);

    public Outcome<string> Run()
    {
        var sizes = context.Sizes;
        Console.WriteLine("ONNX export:");
        List<string> arguments = [context.DataFolder, Text(sizes.SingleRows), Text(sizes.Passes)];
        if (sizes.OnnxRows is { } rows)
        {
            arguments.Add(Text(rows));
        }

        return context.RunProgram("exported MNIST and IMDb models in ONNX Runtime", Program, arguments);
    }

    public static void Write(MarkdownDocument document, Outcome<string> outcome)
    {
        if (outcome.Value is not { } tables)
        {
            document.Paragraph($"Not measured: {outcome.Problem}");
            return;
        }

        document.Paragraph(string.Join(Environment.NewLine, tables.Trim().Split('\n').Select(line => line.TrimEnd('\r')).Select(line => line.StartsWith("## ", StringComparison.Ordinal) ? "#" + line : line)));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
