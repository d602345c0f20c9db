using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// One mini-batch held in tensors that libtorch allocated (<see cref="BatchTensor"/>): sources write rows straight into
/// their memory and the training loop hands the same tensors to the network, so a row is copied once on its way from
/// the source to torch. Sources reuse one instance batch after batch; the last batch of an epoch may be shorter than
/// <see cref="Capacity"/>, and its tensors are then views of the leading rows.
/// </summary>
internal sealed class MiniBatch : IDisposable
{
    private readonly Tensor _features;
    private readonly Tensor _targets;
    private readonly Tensor? _weights;
    private int _count;

    public MiniBatch(int capacity, int featureCount, int targetCount, bool hasWeights)
    {
        Capacity = capacity;
        FeatureCount = featureCount;
        TargetCount = targetCount;
        _features = BatchTensor.Allocate([capacity, featureCount]);
        _targets = BatchTensor.Allocate([capacity, targetCount]);
        _weights = hasWeights ? BatchTensor.Allocate([capacity]) : null;
        _count = capacity;
    }

    public int Capacity { get; }

    public int FeatureCount { get; }

    public int TargetCount { get; }

    public bool HasWeights => _weights is not null;

    /// <summary>The rows in use, 1 to <see cref="Capacity"/>.</summary>
    public int Count
    {
        get => _count;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Capacity);
            _count = value;
        }
    }

    /// <summary>Count × feature width, row-major, in the feature tensor's memory.</summary>
    public Span<float> Features => BatchTensor.Values(_features)[..(_count * FeatureCount)];

    /// <summary>Count × target width (one-hot rows for classes, 0/1 for binary, values for regression).</summary>
    public Span<float> Targets => BatchTensor.Values(_targets)[..(_count * TargetCount)];

    /// <summary>Count example weights, or empty when examples are unweighted.</summary>
    public Span<float> Weights => _weights is null ? [] : BatchTensor.Values(_weights)[.._count];

    /// <summary>
    /// The batch as tensors on <paramref name="device"/>. On the CPU with every row in use they are the batch's own
    /// tensors (the batch disposes them); views of fewer rows and copies to another device belong to the current dispose scope.
    /// </summary>
    public (Tensor Features, Tensor Targets, Tensor? Weights) ToTensors(Device device) =>
        (OnDevice(_features, device), OnDevice(_targets, device), _weights is null ? null : OnDevice(_weights, device));

    public void Dispose()
    {
        _features.Dispose();
        _targets.Dispose();
        _weights?.Dispose();
    }

    private Tensor OnDevice(Tensor tensor, Device device)
    {
        var rows = _count == Capacity ? tensor : tensor.narrow(0, 0, _count);
        return device.type == TorchSharp.DeviceType.CPU ? rows : rows.to(device);
    }
}

/// <summary>Where training and validation batches come from; no ML.NET types cross this line.</summary>
internal interface IMiniBatchSource
{
    int FeatureCount { get; }

    int TargetCount { get; }

    /// <summary>
    /// The rows in batches of <paramref name="batchSize"/> (the last may be smaller), in an order drawn from
    /// <paramref name="shuffle"/>, or in order when null. The same <see cref="MiniBatch"/> comes back refilled: use a
    /// batch before asking for the next.
    /// </summary>
    IEnumerable<MiniBatch> Batches(int batchSize, Random? shuffle);

    /// <summary>Draws from <paramref name="shuffle"/> what one epoch's order draws, without reading any row: a resumed run replays the epochs it skips.</summary>
    void SkipShuffle(Random shuffle);
}
