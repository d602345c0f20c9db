namespace MlNetMlp.Tests.Cli;

/// <summary>A command line the program cannot act on exits 2 with one line that names the option, what it takes and what it got.</summary>
[TestClass]
public sealed class UsageErrorTests
{
    [TestMethod]
    [DataRow("--epochs: expected a whole number of at least 1. Received: 'abc'.", "train", "mnist", "--epochs", "abc")]
    [DataRow("--epochs: expected a whole number of at least 1. Received: '0'.", "compare", "mnist", "--epochs", "0")]
    [DataRow("--max-rows: expected a whole number of at least 1. Received: '-5'.", "predict", "--model", "model.zip", "--max-rows", "-5")]
    [DataRow("--rows: expected a whole number of at least 1. Received: '1e3'.", "train", "mnist", "--rows", "1e3")]
    [DataRow("--seed: expected a whole number", "train", "mnist", "--seed", "one")]
    [DataRow("--hidden: expected whole numbers of at least 1 separated by commas, e.g. 16,16. Received: '16,0'.", "train", "imdb", "--hidden", "16,0")]
    [DataRow("--activation: expected one of linear, relu, sigmoid, tanh, elu, gelu. Received: 'softmax'.", "train", "mnist", "--activation", "softmax")]
    [DataRow("--dropout: expected a number at least 0 and below 1. Received: '1'.", "train", "mnist", "--dropout", "1")]
    [DataRow("--l2: expected a number at least 0. Received: '-0.1'.", "compare", "mnist", "--l2", "-0.1")]
    [DataRow("--optimizer: expected one of rmsprop, adam, sgd. Received: 'adagrad'.", "train", "mnist", "--optimizer", "adagrad")]
    [DataRow("--learning-rate: expected a number above 0. Received: '0'.", "train", "mnist", "--learning-rate", "0")]
    [DataRow("--batch-size: expected a whole number of at least 1. Received: '0'.", "compare", "imdb", "--batch-size", "0")]
    [DataRow("--validation-split: expected a number at least 0 and below 1. Received: '1.5'.", "train", "mnist", "--validation-split", "1.5")]
    [DataRow("--early-stopping: watches the validation loss, so it needs held-out rows", "train", "mnist", "--early-stopping", "2")]
    [DataRow("--model: required", "predict", "--input", "review.txt")]
    [DataRow("--data: required", "evaluate", "--model", "model.zip")]
    [DataRow("<dataset>: expected a data set name, mnist or imdb. Received: 'cifar'.", "train", "cifar")]
    public void Command_WrongOption_ExitsUsageNamingItAndTheRange(string expected, params string[] arguments)
    {
        var result = CliRunner.Run(arguments);

        Assert.AreEqual(2, result.ExitCode, result.Transcript);
        StringAssert.StartsWith(result.StandardError.ReplaceLineEndings(" "), $"usage: {expected}", result.Transcript);
    }
}
