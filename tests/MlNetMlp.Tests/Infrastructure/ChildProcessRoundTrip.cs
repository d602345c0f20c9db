using Microsoft.ML;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>Saves a fitted model, has the model host load and apply it in a separate process, and compares.</summary>
internal static class ChildProcessRoundTrip
{
    /// <summary>
    /// Asserts that the child's output of <paramref name="columns"/> is bit-identical to <paramref name="model"/>'s;
    /// <paramref name="inspectChildOutput"/> may check more of the child's output while it is still on disk.
    /// </summary>
    public static void AssertIdentical(MLContext mlContext, ITransformer model, IDataView data, string[] columns, Action<IDataView>? inspectChildOutput = null)
    {
        using var directory = new TemporaryDirectory();
        var modelPath = directory.File("model.zip");
        mlContext.Model.Save(model, data.Schema, modelPath);

        var child = ModelHostProcess.Transform(mlContext, modelPath, data, directory);

        Assert.AreEqual(0, child.ExitCode, child.StandardError);
        DataViewAssert.BitIdentical(model.Transform(data), child.Output!, columns);
        inspectChildOutput?.Invoke(child.Output!);
    }
}
