using MlNetMlp.Experiments;
using Spectre.Console;

namespace MlNetMlp.Cli.Console;

/// <summary>The line every command prints once the data is loaded: its name, sizes and source, as console markup.</summary>
internal static class Announcement
{
    public static string Of(LoadedData data)
    {
        var description = data.Description;
        return $"[bold]{Markup.Escape(description.Name)}[/]: {description.TrainRows:N0} training and {description.TestRows:N0} test {data.Dataset.RowNoun} " +
            $"from {Markup.Escape(description.Source)}";
    }
}
