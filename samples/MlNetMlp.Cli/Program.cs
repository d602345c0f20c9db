using MlNetMlp.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("mlnetmlp");
    config.AddCommand<InfoCommand>("info")
        .WithDescription("Print the versions of ML.NET, TorchSharp and libtorch, torch's threads and devices, and run a small torch computation.");
});
return await app.RunAsync(args);
