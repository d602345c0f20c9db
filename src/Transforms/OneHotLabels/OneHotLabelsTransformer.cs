using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MlNetMlp.Core.Data;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Core.Persistence;
using MlNetMlp.Transforms.OneHotLabels;
using MlNetMlp.Transforms.OneToOne;
using MlNetMlp.Transforms;

[assembly: LoadableClass(typeof(OneHotLabelsTransformer), null, typeof(SignatureLoadModel),
    "MlNetMlp One-Hot Labels", OneHotLabelsTransformer.LoaderSignature)]

namespace MlNetMlp.Transforms;

/// <summary>
/// Turns a label into a one-hot float vector of length K (the number of classes learned in <c>Fit</c>),
/// e.g. digit 3 into [0,0,0,1,0,0,0,0,0,0]. The output column carries a <c>SlotNames</c> annotation
/// with the class values as text in class order, and the mapping is exposed here so a predicted index
/// maps back to the original label. Made by <see cref="OneHotLabelsEstimator"/>; saves into ML.NET's model <c>.zip</c>.
/// Exports to ONNX when <see cref="AllZerosForUnseen"/> is on or no label outside the classes can occur.
/// </summary>
public sealed class OneHotLabelsTransformer : OneToOneTransformer
{
    internal const string LoaderSignature = "MlNetMlpOneHotLabels";

    private static readonly ComponentFormat SavedFormat = new(
        "OneHotLabels transformer", "ONEHOTLB", LoaderSignature, version: 1, oldestReadableVersion: 1, typeof(OneHotLabelsTransformer));

    private readonly LabelClasses _classes;

    internal OneHotLabelsTransformer(string outputColumnName, string inputColumnName, LabelClasses classes, bool allZerosForUnseen)
        : base(outputColumnName, inputColumnName)
    {
        _classes = classes;
        AllZerosForUnseen = allZerosForUnseen;
    }

    /// <summary>Whether a label not seen by <c>Fit</c> gives an all-zero row (true) or an error (false).</summary>
    public bool AllZerosForUnseen { get; }

    /// <summary>The label column type the classes were learned from; transformed data must have the same type.</summary>
    public DataViewType LabelType => _classes.LabelType;

    /// <summary>The number of classes K, the length of the output vector.</summary>
    public int ClassCount => _classes.Values.Count;

    /// <summary>
    /// The class values in class order: position i is the label whose one-hot vector has its 1 at i.
    /// Values have the label column's raw type (text as <see cref="string"/>; a key column's classes are its key values 1..Count).
    /// </summary>
    public IReadOnlyList<object> Classes => _classes.Values;

    /// <summary>The class values as text in class order, as in the output column's <c>SlotNames</c> annotation.</summary>
    public IReadOnlyList<string> ClassNames => _classes.Names;

    /// <summary>The label at one-hot position <paramref name="index"/>: index to value.</summary>
    /// <param name="index">A position in [0, <see cref="ClassCount"/>), e.g. the arg-max of a prediction.</param>
    /// <returns>The class value, of the label column's raw type.</returns>
    public object GetClass(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ClassCount);
        return _classes.Values[index];
    }

    /// <summary>The one-hot position of <paramref name="label"/>: value to index.</summary>
    /// <param name="label">A label of the column's raw type (text as <see cref="string"/> or <see cref="ReadOnlyMemory{T}"/> of char).</param>
    /// <param name="index">The position of the 1 in the label's one-hot vector, or -1.</param>
    /// <returns>True when <paramref name="label"/> is one of the classes.</returns>
    public bool TryGetIndex(object label, out int index)
    {
        ArgumentNullException.ThrowIfNull(label);
        return _classes.TryGetIndex(label, out index);
    }

    /// <summary>The one-hot position of <paramref name="label"/>; throws when it is not a class.</summary>
    /// <param name="label">A label of the column's raw type (text as <see cref="string"/>).</param>
    /// <returns>The position of the 1 in the label's one-hot vector.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> was not seen by <c>Fit</c> or has another type.</exception>
    public int GetIndex(object label) => TryGetIndex(label, out var index)
        ? index
        : throw new ArgumentException($"Expected one of the {ClassCount} classes of column '{InputColumnName}' ({LabelType}). Received: {label} ({label.GetType().Name}).", nameof(label));

    private protected override ComponentFormat Format => SavedFormat;

    private protected override ColumnMapper CreateMapper(DataViewSchema inputSchema)
    {
        var input = LabelColumn.Check(inputSchema, InputColumnName);
        if (!input.Type.Equals(LabelType))
        {
            throw new SchemaMismatchException(InputColumnName, $"{LabelType}, the type OneHotLabels was fitted on", input.Type.ToString() ?? "?");
        }

        return new Mapper(this, inputSchema, input);
    }

    private protected override void SaveParameters(ComponentWriter writer)
    {
        writer.Write(AllZerosForUnseen);
        _classes.Save(writer);
    }

    private static OneHotLabelsTransformer Create(IHostEnvironment env, ModelLoadContext ctx) =>
        ComponentReader.Load(ctx, SavedFormat, reader =>
        {
            var (output, input) = ReadColumnNames(reader);
            var allZeros = reader.ReadBoolean();
            return new OneHotLabelsTransformer(output, input, LabelClasses.Load(reader), allZeros);
        });

    private sealed class Mapper : SingleColumnMapper
    {
        private readonly OneHotLabelsTransformer _parent;

        public Mapper(OneHotLabelsTransformer parent, DataViewSchema inputSchema, DataViewSchema.Column input)
            : base(inputSchema, input, OutputColumn(parent))
        {
            _parent = parent;
        }

        /// <summary>The one-hot column, with the class names as its <c>SlotNames</c>.</summary>
        private static AddedColumn OutputColumn(OneHotLabelsTransformer parent)
        {
            var names = parent.ClassNames;
            return new AddedColumn(parent.OutputColumnName, new VectorDataViewType(NumberDataViewType.Single, names.Count),
                ClassNameAnnotations.Build(ClassNameAnnotations.SlotNames, names));
        }

        protected override Delegate CreateGetter(DataViewRow input)
        {
            var classIndex = _parent._classes.CreateIndexGetter(input, Input);
            var width = _parent.ClassCount;
            ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> destination) =>
            {
                var index = classIndex(out var unseen);
                if (index < 0 && !_parent.AllZerosForUnseen)
                {
                    throw new InvalidOperationException(
                        $"Column '{_parent.InputColumnName}', row {input.Position}: expected one of the {width} labels seen by Fit " +
                        $"({Preview(_parent.ClassNames)}), found {unseen}. Pass allZerosForUnseen: true to OneHotLabels to get an all-zero row instead.");
                }

                var editor = VBufferEditor.Create(ref destination, width);
                editor.Values.Clear();
                if (index >= 0)
                {
                    editor.Values[index] = 1f;
                }

                destination = editor.Commit();
            };
            return getter;
        }

        /// <summary>Only a Boolean label whose two values are both classes cannot be unseen (a key can always be the missing 0).</summary>
        private bool CanBeUnseen => !(_parent.LabelType is BooleanDataViewType && _parent.ClassCount == 2);

        public override string? OnnxBlocker => !_parent.AllZerosForUnseen && CanBeUnseen
            ? $"with allZerosForUnseen: false it raises an error for a label Fit did not see, and ONNX Runtime cannot fail a row. Fit OneHotLabels " +
              "with allZerosForUnseen: true to export it (an unseen label is then an all-zero row in ML.NET and in ONNX alike), or export the " +
              "pipeline without this step if it only prepares training labels (scoring does not read them)."
            : null;

        public override void SaveAsOnnx(OnnxGraph graph) =>
            WriteOutput(graph, graph.Cast(_parent._classes.MatchOnnx(graph, InputVariable(graph)), typeof(float)));

        private static string Preview(IReadOnlyList<string> names) =>
            string.Join(", ", names.Take(10)) + (names.Count > 10 ? $", ... {names.Count - 10} more" : string.Empty);
    }
}
