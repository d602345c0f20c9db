using Microsoft.ML;
using MlNetMlp.Experiments;

namespace MlNetMlp.Cli.Data;

/// <summary>Training and test data of one data set, and where they came from.</summary>
internal sealed record LoadedDataset(DatasetKind Kind, IDataView Train, IDataView Test, DataDescription Description)
{
    /// <summary>The line every command prints once the data is loaded: its name, sizes and source, as console markup.</summary>
    public string Announcement
    {
        get
        {
            var rows = Kind == DatasetKind.Imdb ? "reviews" : "rows";
            return $"[bold]{Spectre.Console.Markup.Escape(Description.Name)}[/]: {Description.TrainRows:N0} training and {Description.TestRows:N0} test {rows} " +
                $"from {Spectre.Console.Markup.Escape(Description.Source)}";
        }
    }
}
