using Microsoft.ML.Data;
using Microsoft.ML.Numeric;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp.Scoring.Explanation;

/// <summary>
/// Per-feature contributions to one row's score, by occlusion: the contribution of feature i is the score minus the
/// score with feature i set to 0, the others kept. For a linear model that is exactly ML.NET's definition (weight times
/// value); for a network it is the effect of removing that one feature, interactions included. Zero features contribute
/// nothing, so a row costs one forward pass per non-zero feature plus one. The contributions then go through ML.NET's own
/// selection (the <c>top</c> largest positive and <c>bottom</c> most negative kept, optionally scaled into [-1, 1]).
/// One instance holds one thread's scratch.
/// </summary>
internal sealed class OcclusionContributions
{
    private readonly ForwardPass _pass;
    private readonly bool _scoreIsRaw;
    private readonly int _inputSize;
    private readonly float[] _raw;
    private readonly float[] _activated;
    private int[] _indices = [];
    private float[] _values = [];
    private int[] _otherIndices = [];
    private float[] _otherValues = [];

    /// <summary>Contributions to output 0 of <paramref name="model"/>: its raw value when <paramref name="scoreIsRaw"/> (a binary logit), else the activated value.</summary>
    public OcclusionContributions(MlpModel model, bool scoreIsRaw)
    {
        _pass = new ForwardPass(model);
        _scoreIsRaw = scoreIsRaw;
        _inputSize = model.InputSize;
        _raw = new float[model.OutputSize];
        _activated = new float[model.OutputSize];
    }

    /// <summary>Writes the contributions of <paramref name="features"/> into <paramref name="contributions"/>, selected and normalized as ML.NET does.</summary>
    public void Compute(in VBuffer<float> features, ref VBuffer<float> contributions, int top, int bottom, bool normalize)
    {
        if (features.Length != _inputSize)
        {
            throw new ArgumentException($"Expected a feature vector of {_inputSize} values for the network's inputs. Received: {features.Length}", nameof(features));
        }

        var count = NonZeros(features);
        var baseline = Score(_indices.AsSpan(0, count), _values.AsSpan(0, count));
        var editor = VBufferEditor.Create(ref contributions, _inputSize, valuesCount: count);
        for (var k = 0; k < count; k++)
        {
            // Occlude entry k by leaving it out of the non-zero inputs, the others in slot order as the scorer sees them.
            _indices.AsSpan(0, k).CopyTo(_otherIndices);
            _values.AsSpan(0, k).CopyTo(_otherValues);
            _indices.AsSpan(k + 1, count - k - 1).CopyTo(_otherIndices.AsSpan(k));
            _values.AsSpan(k + 1, count - k - 1).CopyTo(_otherValues.AsSpan(k));
            editor.Values[k] = baseline - Score(_otherIndices.AsSpan(0, count - 1), _otherValues.AsSpan(0, count - 1));
            if (count < _inputSize)
            {
                editor.Indices[k] = _indices[k];
            }
        }

        contributions = editor.Commit();
        VectorUtils.SparsifyNormalize(ref contributions, top, bottom, normalize);
    }

    private float Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        _pass.Run(indices, values, _raw, _activated);
        return _scoreIsRaw ? _raw[0] : _activated[0];
    }

    /// <summary>The non-zero features in slot order, in the scratch arrays; returns their count.</summary>
    private int NonZeros(in VBuffer<float> features)
    {
        var values = features.GetValues();
        if (_values.Length < values.Length)
        {
            (_indices, _values) = (new int[features.Length], new float[features.Length]);
            (_otherIndices, _otherValues) = (new int[features.Length], new float[features.Length]);
        }

        var count = 0;
        var indices = features.IsDense ? default : features.GetIndices();
        for (var k = 0; k < values.Length; k++)
        {
            if (values[k] != 0)
            {
                _indices[count] = features.IsDense ? k : indices[k];
                _values[count++] = values[k];
            }
        }

        return count;
    }
}
