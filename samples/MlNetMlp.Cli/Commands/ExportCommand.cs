using System.ComponentModel;
using Microsoft.ML;
using MlNetMlp.Cli.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// <c>mlnetmlp export --model model.zip --onnx model.onnx</c>: the saved pipeline as an ONNX model, through ML.NET's own
/// exporter. The graph reads only the columns the predictions need (the MNIST model's Pixels, not its Label) and gives
/// the prediction columns. The file appears only when the export succeeded: a pipeline with a step that cannot be
/// exported leaves nothing behind.
/// </summary>
internal sealed class ExportCommand : Command<ExportCommand.Settings>
{
    private static readonly string[] PredictionColumns = ["Score", "Probability", "PredictedLabel"];

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <PATH>")]
        [Description("A model .zip saved by train")]
        public string Model { get; init; } = "";

        [CommandOption("--onnx <PATH>")]
        [Description("The ONNX file to write")]
        public string Onnx { get; init; } = "";

        public override ValidationResult Validate() =>
            Model.Length == 0 || Onnx.Length == 0 ? ValidationResult.Error("Both --model and --onnx are required.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(seed: 1);
        var model = ModelFile.Load(mlContext, settings.Model, out var inputSchema);
        var outputSchema = model.GetOutputSchema(inputSchema);
        var outputs = PredictionColumns.Where(name => outputSchema.GetColumnOrNull(name) is not null).ToArray();
        var inputs = NeededInputs(model, inputSchema, outputs.Select(name => outputSchema[name]));

        var target = Path.GetFullPath(settings.Onnx);
        var partial = target + ".partial";
        try
        {
            using (var file = File.Create(partial))
            {
                mlContext.Model.ConvertToOnnx(model, new SchemaOnlyData(inputs), file, outputs);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        AnsiConsole.MarkupLineInterpolated(
            $"Wrote {target} ({new FileInfo(target).Length:N0} bytes): reads {string.Join(", ", inputs.Select(c => $"{c.Name} ({c.Type})"))}; gives {string.Join(", ", outputs)}.");
        return ExitCodes.Success;
    }

    /// <summary>The input columns the predictions depend on, as a schema of their own.</summary>
    private static DataViewSchema NeededInputs(ITransformer model, DataViewSchema inputSchema, IEnumerable<DataViewSchema.Column> outputs)
    {
        var needed = model.GetRowToRowMapper(inputSchema).GetDependencies(outputs);
        var builder = new DataViewSchema.Builder();
        foreach (var column in needed)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        return builder.ToSchema();
    }
}
