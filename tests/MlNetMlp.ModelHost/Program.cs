using Microsoft.ML;

// Usage: MlNetMlp.ModelHost <model.zip> <input.idv> <output.idv>
// Loads the model in this fresh process, transforms the input (ML.NET binary data view) and
// writes the result as a binary data view. Errors go to stderr with the exception type, exit code 1.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: MlNetMlp.ModelHost <model.zip> <input.idv> <output.idv>");
    return 2;
}

try
{
    var mlContext = new MLContext(seed: 1);
    var model = MlNetMlp.ModelFile.Load(mlContext, args[0], out _);
    var input = mlContext.Data.LoadFromBinary(args[1]);
    using var output = File.Create(args[2]);
    mlContext.Data.SaveAsBinary(model.Transform(input), output, keepHidden: false);
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"{e.GetType().FullName}: {e.Message}");
    return 1;
}
