using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Optimizers;

/// <summary>
/// An optimizer as Keras 3 runs one: gradients clipped (<see cref="GradientClipping"/>), then decoupled weight decay on
/// the parameters that take it (w -= w · decay · lr, before the update, as Keras's <c>weight_decay</c> and PyTorch's
/// AdamW), then the optimizer's own update. The learning rate can change between steps; the per-parameter slots and
/// the step count are its whole state (<see cref="Save"/>, <see cref="Load"/>), so training can stop and resume exactly.
/// </summary>
internal abstract class StepOptimizer : IDisposable
{
    private readonly IReadOnlyList<Tensor> _parameters;
    private readonly bool[] _decays;
    private readonly double _weightDecay;
    private readonly GradientClipping _clipping;
    private readonly Tensor[][] _slots;

    private protected StepOptimizer(IReadOnlyList<(Tensor Parameter, bool Decays)> parameters, double learningRate, double weightDecay, GradientClipping clipping, int slotsPerParameter)
    {
        _parameters = [.. parameters.Select(p => p.Parameter)];
        _decays = [.. parameters.Select(p => p.Decays)];
        _weightDecay = weightDecay;
        _clipping = clipping;
        LearningRate = learningRate;
        using var noGrad = torch.no_grad();
        _slots = [.. _parameters.Select(p => Enumerable.Range(0, slotsPerParameter).Select(_ => torch.zeros_like(p).DetachFromDisposeScope()).ToArray())];
    }

    /// <summary>The rate of the next step.</summary>
    public double LearningRate { get; set; }

    /// <summary>Steps taken, as Keras's <c>optimizer.iterations</c>.</summary>
    public long Iterations { get; private set; }

    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            parameter.grad?.zero_();
        }
    }

    public void Step()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var scalars = new TorchScalars();
        _clipping.Apply(_parameters, scalars);
        Iterations++;
        BeginStep(Iterations);
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (_parameters[i].grad is not { } gradient)
            {
                continue;
            }

            if (_weightDecay > 0 && _decays[i])
            {
                _parameters[i].mul_(scalars.Of(1 - LearningRate * _weightDecay));
            }

            Update(_parameters[i], gradient, _slots[i], Iterations, scalars);
        }
    }

    /// <summary>A copy of the whole state.</summary>
    public OptimizerState Save() => new(Iterations, LearningRate, [.. _slots.Select(slots => (IReadOnlyList<float[]>)[.. slots.Select(Values)])], SaveScalars());

    /// <summary>Restores a state <see cref="Save"/> made for the same parameters.</summary>
    public void Load(OptimizerState state)
    {
        if (state.Slots.Count != _slots.Length || state.Slots.Zip(_slots).Any(pair => pair.First.Count != pair.Second.Length || pair.First.Zip(pair.Second).Any(s => s.First.Length != s.Second.numel())))
        {
            throw new InvalidOperationException($"The saved optimizer state does not fit this network's {_slots.Length} parameters.");
        }

        using var noGrad = torch.no_grad();
        for (var i = 0; i < _slots.Length; i++)
        {
            for (var s = 0; s < _slots[i].Length; s++)
            {
                using var values = BatchTensor.From(state.Slots[i][s], _slots[i][s].shape, _slots[i][s].device);
                _slots[i][s].copy_(values);
            }
        }

        Iterations = state.Iterations;
        LearningRate = state.LearningRate;
        LoadScalars(state.Scalars);
    }

    public void Dispose()
    {
        foreach (var slot in _slots.SelectMany(s => s))
        {
            slot.Dispose();
        }
    }

    /// <summary>Updates per step that do not depend on a parameter (Nadam's momentum schedule).</summary>
    private protected virtual void BeginStep(long iteration)
    {
    }

    /// <summary>
    /// The optimizer's update of one parameter from its gradient and its slots, at step <paramref name="iteration"/>
    /// (from 1); the numbers it passes to torch come from <paramref name="scalars"/>, disposed after the step.
    /// </summary>
    private protected abstract void Update(Tensor parameter, Tensor gradient, Tensor[] slots, long iteration, TorchScalars scalars);

    private protected virtual IReadOnlyList<double> SaveScalars() => [];

    private protected virtual void LoadScalars(IReadOnlyList<double> scalars)
    {
    }

    private static float[] Values(Tensor tensor)
    {
        var values = new float[tensor.numel()];
        tensor.contiguous().cpu().data<float>().CopyTo(values);
        return values;
    }
}
