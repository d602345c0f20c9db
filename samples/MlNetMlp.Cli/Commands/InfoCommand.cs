using System.Runtime.InteropServices;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace MlNetMlp.Cli.Commands;

/// <summary><c>mlnetmlp info</c>: what the engine is and proof that it computes.</summary>
internal sealed class InfoCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        TorchRuntimeInfo info;
        try
        {
            info = TorchRuntime.Describe();
        }
        catch (TorchUnavailableException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 3;
        }

        var table = new Table().AddColumns("component", "value");
        table.AddRow("ML.NET", Markup.Escape($"{info.MlNetVersion} (MlNetMlp supports {MlNetVersionGuard.Supported})"));
        table.AddRow("TorchSharp", info.TorchSharpVersion);
        table.AddRow("libtorch", info.LibTorchVersion);
        table.AddRow("torch threads", $"{info.TorchThreads} (cores: {info.ProcessorCount})");
        table.AddRow("devices", info.Devices);
        table.AddRow("OS", RuntimeInformation.OSDescription);
        table.AddRow(".NET", RuntimeInformation.FrameworkDescription);
        AnsiConsole.Write(table);

        using var scope = torch.NewDisposeScope();
        var left = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        var right = torch.tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);
        var product = torch.matmul(left, right).data<float>().ToArray();
        AnsiConsole.WriteLine($"torch check: [[1,2],[3,4]] x [[5,6],[7,8]] = [[{product[0]},{product[1]}],[{product[2]},{product[3]}]]");
        return product.SequenceEqual([19f, 22f, 43f, 50f]) ? 0 : 4;
    }
}
