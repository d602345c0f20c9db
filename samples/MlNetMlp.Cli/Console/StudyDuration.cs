using System.Globalization;

namespace MlNetMlp.Cli.Console;

/// <summary>How the study commands print how long they took: "7:42 min".</summary>
internal static class StudyDuration
{
    public static string Format(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"m\:ss", CultureInfo.InvariantCulture) + " min";
}
