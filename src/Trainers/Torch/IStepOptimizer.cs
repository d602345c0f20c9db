namespace MlNetMlp.Trainers.Torch;

/// <summary>What the training loop needs of an optimizer: clear gradients, take a step.</summary>
internal interface IStepOptimizer : IDisposable
{
    void ZeroGrad();

    void Step();
}
