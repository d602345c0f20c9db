namespace MlNetMlp.Tests.Cli;

/// <summary>A command line the program cannot act on exits 2 with one line that names the option, what it takes and what it got.</summary>
[TestClass]
public sealed class UsageErrorTests
{
    [TestMethod]
    [DataRow("--epochs: expected a whole number. Received: 'abc'.", "train", "mnist", "--epochs", "abc")]
    [DataRow("--epochs: expected epochs >= 1. Received: epochs=0.", "compare", "mnist", "--epochs", "0")]
    [DataRow("--max-rows: expected a whole number of at least 1. Received: '-5'.", "predict", "--model", "model.zip", "--max-rows", "-5")]
    [DataRow("--rows: expected a whole number of at least 1. Received: '1e3'.", "train", "mnist", "--rows", "1e3")]
    [DataRow("--seed: expected a whole number", "train", "mnist", "--seed", "one")]
    [DataRow("--hidden: layer 1 (Dense(0, Relu)): expected units >= 1. Received: units=0.", "train", "imdb", "--hidden", "16,0")]
    [DataRow("--activation: expected one of linear, relu, sigmoid, tanh, elu, gelu, selu, silu, mish. Received: 'softmax'.", "train", "mnist", "--activation", "softmax")]
    [DataRow("--dropout: layer 1 (Dropout(1)): expected rate in [0, 1). Received: rate=1.", "train", "mnist", "--dropout", "1")]
    [DataRow("--l2: layer 0 (Dense(512, Relu)): expected a finite l2 >= 0. Received: l2=-0.1.", "compare", "mnist", "--l2", "-0.1")]
    [DataRow("--optimizer: expected one of rmsprop, adam, adamw, nadam, sgd. Received: 'adagrad'.", "train", "mnist", "--optimizer", "adagrad")]
    [DataRow("--learning-rate: expected a finite learningRate > 0. Received: learningRate=0.", "train", "mnist", "--learning-rate", "0")]
    [DataRow("--batch-size: expected batchSize >= 1. Received: batchSize=0.", "compare", "imdb", "--batch-size", "0")]
    [DataRow("--validation-split: expected validationFraction in [0, 1). Received: validationFraction=1.5.", "train", "mnist", "--validation-split", "1.5")]
    [DataRow("--early-stopping: expected validation data (validationFraction > 0 or validationData) to monitor ValidationLoss. Received: none.", "train", "mnist", "--early-stopping", "2")]
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
