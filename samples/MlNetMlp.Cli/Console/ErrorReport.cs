using MlNetMlp.Datasets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Console;

/// <summary>Turns an exception into one clear line on stderr and the matching exit code.</summary>
internal static class ErrorReport
{
    public static int Handle(Exception exception)
    {
        var (code, kind) = exception switch
        {
            CommandParseException or CommandRuntimeException or CommandAppException => (ExitCodes.Usage, "usage"),
            TorchUnavailableException => (ExitCodes.TorchUnavailable, "torch"),
            FileNotFoundException or DirectoryNotFoundException or DataUnavailableException => (ExitCodes.NotFound, "not found"),
            ModelFormatException => (ExitCodes.BadModel, "bad model"),
            SchemaMismatchException or FormatException or InvalidDataException or EndOfStreamException => (ExitCodes.BadInput, "bad input"),
            _ => (ExitCodes.Failure, "error"),
        };
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        error.MarkupLineInterpolated($"[red]{kind}:[/] {exception.Message}");
        if (code == ExitCodes.Failure)
        {
            error.WriteLine(exception.ToString());
        }

        return code;
    }
}
