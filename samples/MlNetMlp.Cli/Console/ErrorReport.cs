using MlNetMlp.Cli.Options;
using MlNetMlp.Datasets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Console;

/// <summary>Turns an exception into one clear line on stderr and the matching exit code (a stack trace follows only for unexpected errors).</summary>
internal static class ErrorReport
{
    public static int Handle(Exception exception)
    {
        var (code, kind) = exception switch
        {
            CommandParseException or CommandRuntimeException or CommandAppException or UsageException => (ExitCodes.Usage, "usage"),
            TorchUnavailableException => (ExitCodes.TorchUnavailable, "torch"),
            FileNotFoundException or DirectoryNotFoundException or DataUnavailableException => (ExitCodes.NotFound, "not found"),
            ModelFormatException => (ExitCodes.BadModel, "bad model"),
            OnnxExportException => (ExitCodes.NotExportable, "cannot export"),
            SchemaMismatchException or FormatException or InvalidDataException or EndOfStreamException => (ExitCodes.BadInput, "bad input"),
            _ => (ExitCodes.Failure, "error"),
        };
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        // One line at any width: scripts and logs read it whole, and a terminal wraps it by itself.
        error.Profile.Width = int.MaxValue;
        error.MarkupLineInterpolated($"[red]{kind}:[/] {exception.Message.ReplaceLineEndings(" ")}");
        if (code == ExitCodes.Failure)
        {
            error.WriteLine(exception.ToString());
        }

        return code;
    }
}
