using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MlNetMlp.Core.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Core.Persistence;
using MlNetMlp.Transforms.NormalizePixels;
using MlNetMlp.Transforms.OneToOne;
using MlNetMlp.Transforms;

[assembly: LoadableClass(typeof(NormalizePixelsTransformer), null, typeof(SignatureLoadModel),
    "MlNetMlp Normalize Pixels", NormalizePixelsTransformer.LoaderSignature)]

namespace MlNetMlp.Transforms;

/// <summary>
/// Scales pixel intensities to [0, 1] (and optionally standardizes them) into a flat float vector.
/// Made by <see cref="NormalizePixelsEstimator"/>; saves into and loads from ML.NET's model <c>.zip</c>, and exports
/// to ONNX with <c>mlContext.Model.ConvertToOnnx</c> unless an out-of-range pixel could reach it with
/// <c>clamp: false</c> (ML.NET raises an error for it; ONNX Runtime cannot fail a row).
/// </summary>
public sealed class NormalizePixelsTransformer : OneToOneTransformer
{
    internal const string LoaderSignature = "MlNetMlpNormalizePixels";

    private static readonly ComponentFormat SavedFormat = new(
        "NormalizePixels transformer", "NORMPIXL", LoaderSignature, version: 1, oldestReadableVersion: 1, typeof(NormalizePixelsTransformer));

    internal NormalizePixelsTransformer(string outputColumnName, string inputColumnName, float maxPixelValue, bool clamp, PixelStatistics? statistics)
        : base(outputColumnName, inputColumnName)
    {
        MaxPixelValue = maxPixelValue;
        Clamp = clamp;
        Statistics = statistics;
    }

    /// <summary>The intensity that maps to 1.</summary>
    public float MaxPixelValue { get; }

    /// <summary>Whether out-of-range values are clamped rather than rejected.</summary>
    public bool Clamp { get; }

    /// <summary>The learned standardization, or null when the output is only scaled.</summary>
    public PixelStatistics? Statistics { get; }

    private protected override ComponentFormat Format => SavedFormat;

    private protected override ColumnMapper CreateMapper(DataViewSchema inputSchema)
    {
        var (input, inputType) = PixelColumn.Check(inputSchema, InputColumnName);
        return new Mapper(this, inputSchema, input, inputType);
    }

    private protected override void SaveParameters(ComponentWriter writer)
    {
        writer.Write(MaxPixelValue);
        writer.Write(Clamp);
        writer.Write(Statistics is not null);
        if (Statistics is not null)
        {
            writer.Write(Statistics.Mean);
            writer.Write(Statistics.StandardDeviation);
        }
    }

    private static NormalizePixelsTransformer Create(IHostEnvironment env, ModelLoadContext ctx) =>
        ComponentReader.Load(ctx, SavedFormat, reader =>
        {
            var (output, input) = ReadColumnNames(reader);
            var max = reader.ReadSingle();
            reader.Check(max > 0 && float.IsFinite(max), $"maxPixelValue is {max}");
            var clamp = reader.ReadBoolean();
            PixelStatistics? statistics = null;
            if (reader.ReadBoolean())
            {
                statistics = new PixelStatistics(reader.ReadSingle(), reader.ReadSingle());
                reader.Check(float.IsFinite(statistics.Mean) && statistics.StandardDeviation > 0, $"standardization {statistics}");
            }

            return new NormalizePixelsTransformer(output, input, max, clamp, statistics);
        });

    private sealed class Mapper : SingleColumnMapper
    {
        private readonly NormalizePixelsTransformer _parent;
        private readonly VectorDataViewType _inputType;

        public Mapper(NormalizePixelsTransformer parent, DataViewSchema inputSchema, DataViewSchema.Column input, VectorDataViewType inputType)
            : base(inputSchema, input, new AddedColumn(parent.OutputColumnName, new VectorDataViewType(NumberDataViewType.Single, inputType.Size)))
        {
            _parent = parent;
            _inputType = inputType;
        }

        protected override Delegate CreateGetter(DataViewRow input)
        {
            var item = _inputType.ItemType;
            return item == NumberDataViewType.Byte ? MakeGetter<byte>(input, b => b)
                : item == NumberDataViewType.Single ? MakeGetter<float>(input, f => f)
                : MakeGetter<double>(input, d => d);
        }

        private ValueGetter<VBuffer<float>> MakeGetter<TPixel>(DataViewRow input, Func<TPixel, double> toDouble)
        {
            var source = input.GetGetter<VBuffer<TPixel>>(Input);
            var pixels = default(VBuffer<TPixel>);
            var max = (double)_parent.MaxPixelValue;
            var (shift, divisor) = _parent.Statistics is { } s ? (s.Mean, s.StandardDeviation) : (0f, 1f);
            return (ref VBuffer<float> destination) =>
            {
                source(ref pixels);
                var editor = VBufferEditor.Create(ref destination, _inputType.Size);
                var index = 0;
                foreach (var pixel in pixels.DenseValues())
                {
                    var value = toDouble(pixel);
                    if (!(value >= 0 && value <= max))
                    {
                        value = _parent.Clamp && !double.IsNaN(value) ? Math.Clamp(value, 0, max) : throw OutOfRange(input.Position, index, value);
                    }

                    editor.Values[index++] = ((float)(value / max) - shift) / divisor;
                }

                destination = editor.Commit();
            };
        }

        /// <summary>An 8-bit pixel cannot exceed a maximum of 255 or more; any other input can leave [0, max].</summary>
        private bool CanLeaveRange => _inputType.ItemType != NumberDataViewType.Byte || _parent.MaxPixelValue < byte.MaxValue;

        public override string? OnnxBlocker => !_parent.Clamp && CanLeaveRange
            ? $"with clamp: false it raises an error for a pixel outside [0, {_parent.MaxPixelValue}] (a {_inputType.ItemType} input can hold one), " +
              "and ONNX Runtime cannot fail a row, so the exported model would score such pixels instead. Fit NormalizePixels with clamp: true " +
              "to export it (out-of-range pixels are then clamped in ML.NET and in ONNX alike)."
            : null;

        /// <summary>The same arithmetic as the getter: clamp and divide in double, round to float, then standardize in float.</summary>
        public override void SaveAsOnnx(OnnxGraph graph)
        {
            var pixels = graph.Cast(InputVariable(graph), typeof(double));
            var max = (double)_parent.MaxPixelValue;
            if (_parent.Clamp)
            {
                pixels = graph.Apply("Clip", pixels, graph.Constant(0d), graph.Constant(max));
            }

            var scaled = graph.Cast(graph.Apply("Div", pixels, graph.Constant(max)), typeof(float));
            if (_parent.Statistics is { } statistics)
            {
                scaled = graph.Apply("Div", graph.Apply("Sub", scaled, graph.Constant(statistics.Mean)), graph.Constant(statistics.StandardDeviation));
            }

            WriteOutput(graph, scaled);
        }

        private InvalidOperationException OutOfRange(long row, int slot, double value) => new(
            $"Column '{_parent.InputColumnName}', row {row}, slot {slot}: expected a pixel value in [0, {_parent.MaxPixelValue}], found {value}. " +
            (double.IsNaN(value)
                ? "A missing pixel cannot be clamped; fill or drop such images first."
                : "Pass clamp: true to NormalizePixels to clamp out-of-range values instead."));
    }
}
