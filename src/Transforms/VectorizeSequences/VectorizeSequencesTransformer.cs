using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MlNetMlp.Core.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Core.Persistence;
using MlNetMlp.Transforms.OneToOne;
using MlNetMlp.Transforms.VectorizeSequences;
using MlNetMlp.Transforms;

[assembly: LoadableClass(typeof(VectorizeSequencesTransformer), null, typeof(SignatureLoadModel),
    "MlNetMlp Vectorize Sequences", VectorizeSequencesTransformer.LoaderSignature)]

namespace MlNetMlp.Transforms;

/// <summary>
/// Turns a sequence of word indices into a multi-hot float vector of a fixed dimension, as Keras'
/// <c>vectorize_sequences</c>: 1 (or the count) wherever an index appears. The output is a sparse
/// <see cref="VBuffer{T}"/> holding only its nonzeros, indices ascending, so a data set of 25,000
/// reviews never costs 25,000 x dimension floats. Integer values are indices as they are; a key value k
/// is index k - 1 (ML.NET's key-to-slot rule) and the missing key 0 is skipped.
/// Made by <see cref="VectorizeSequencesEstimator"/>; saves into ML.NET's model <c>.zip</c> and exports to ONNX
/// (see <see cref="VectorizeSequencesOnnx"/>).
/// </summary>
public sealed class VectorizeSequencesTransformer : OneToOneTransformer
{
    internal const string LoaderSignature = "MlNetMlpVectorizeSeqs";

    private static readonly ComponentFormat SavedFormat = new(
        "VectorizeSequences transformer", "VECTSEQS", LoaderSignature, version: 1, oldestReadableVersion: 1, typeof(VectorizeSequencesTransformer));

    internal VectorizeSequencesTransformer(string outputColumnName, string inputColumnName, int dimension, bool counts, IndexBeyondDimension indexBeyondDimension)
        : base(outputColumnName, inputColumnName)
    {
        Dimension = dimension;
        Counts = counts;
        IndexBeyondDimension = indexBeyondDimension;
    }

    /// <summary>The length of the output vector; valid indices are 0 to Dimension - 1.</summary>
    public int Dimension { get; }

    /// <summary>Whether a slot holds how often its index appears (true) or 1 (false).</summary>
    public bool Counts { get; }

    /// <summary>What happens to an index at or beyond <see cref="Dimension"/>.</summary>
    public IndexBeyondDimension IndexBeyondDimension { get; }

    private protected override ComponentFormat Format => SavedFormat;

    private protected override ColumnMapper CreateMapper(DataViewSchema inputSchema)
    {
        var (input, itemType) = SequenceColumn.Check(inputSchema, InputColumnName);
        return new Mapper(this, inputSchema, input, itemType);
    }

    private protected override void SaveParameters(ComponentWriter writer)
    {
        writer.Write(Dimension);
        writer.Write(Counts);
        writer.Write((int)IndexBeyondDimension);
    }

    private static VectorizeSequencesTransformer Create(IHostEnvironment env, ModelLoadContext ctx) =>
        ComponentReader.Load(ctx, SavedFormat, reader =>
        {
            var (output, input) = ReadColumnNames(reader);
            var dimension = reader.ReadInt32();
            reader.Check(dimension > 0, $"dimension is {dimension}");
            var counts = reader.ReadBoolean();
            var beyond = (IndexBeyondDimension)reader.ReadInt32();
            reader.Check(Enum.IsDefined(beyond), $"indexBeyondDimension is {(int)beyond}");
            return new VectorizeSequencesTransformer(output, input, dimension, counts, beyond);
        });

    private sealed class Mapper : SingleColumnMapper
    {
        private readonly VectorizeSequencesTransformer _parent;
        private readonly PrimitiveDataViewType _itemType;

        public Mapper(VectorizeSequencesTransformer parent, DataViewSchema inputSchema, DataViewSchema.Column input, PrimitiveDataViewType itemType)
            : base(inputSchema, input, new AddedColumn(parent.OutputColumnName, new VectorDataViewType(NumberDataViewType.Single, parent.Dimension)))
        {
            _parent = parent;
            _itemType = itemType;
        }

        protected override Delegate CreateGetter(DataViewRow input)
        {
            var raw = _itemType.RawType;
            return raw == typeof(byte) ? MakeGetter<byte>(input)
                : raw == typeof(sbyte) ? MakeGetter<sbyte>(input)
                : raw == typeof(short) ? MakeGetter<short>(input)
                : raw == typeof(ushort) ? MakeGetter<ushort>(input)
                : raw == typeof(int) ? MakeGetter<int>(input)
                : raw == typeof(uint) ? MakeGetter<uint>(input)
                : raw == typeof(long) ? MakeGetter<long>(input)
                : MakeGetter<ulong>(input);
        }

        public override string? OnnxBlocker => VectorizeSequencesOnnx.Blocker(_parent, _itemType);

        public override void SaveAsOnnx(OnnxGraph graph) =>
            WriteOutput(graph, VectorizeSequencesOnnx.Write(graph, InputVariable(graph), _parent, _itemType is KeyDataViewType));

        private ValueGetter<VBuffer<float>> MakeGetter<T>(DataViewRow input)
            where T : unmanaged, IBinaryInteger<T>
        {
            var source = input.GetGetter<VBuffer<T>>(Input);
            var sequence = default(VBuffer<T>);
            var encoder = new MultiHotEncoder<T>(_parent.InputColumnName, _parent.Dimension, _parent.Counts, _parent.IndexBeyondDimension, _itemType is KeyDataViewType);
            return (ref VBuffer<float> destination) =>
            {
                source(ref sequence);
                encoder.Encode(sequence, input.Position, ref destination);
            };
        }
    }
}
