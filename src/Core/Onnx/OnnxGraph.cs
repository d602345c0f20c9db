using Microsoft.ML.Data;
using Microsoft.ML.Model.OnnxConverter;

namespace MlNetMlp.Core.Onnx;

/// <summary>
/// The part of an ONNX graph one pipeline step writes, over ML.NET's <see cref="OnnxContext"/>: the variables of the
/// columns it reads, the columns it adds, its own intermediate values, constants and nodes. Nodes are written in the
/// standard ONNX domain unless told otherwise (ML.NET's context defaults to ai.onnx.ml); ML.NET writes opset 12.
/// </summary>
internal sealed class OnnxGraph
{
    /// <summary>The ONNX-ML domain (LabelEncoder and the other classic-ML operators).</summary>
    public const string MlDomain = "ai.onnx.ml";

    private readonly OnnxContext _context;
    private readonly string _prefix;

    /// <summary>Writes into <paramref name="context"/>; intermediate names start with <paramref name="prefix"/>.</summary>
    public OnnxGraph(OnnxContext context, string prefix)
    {
        _context = context;
        _prefix = prefix;
    }

    /// <summary>The variable that holds column <paramref name="columnName"/> at this point of the pipeline.</summary>
    public string Variable(string columnName) => _context.GetVariableName(columnName);

    /// <summary>Declares the variable of an added column (it hides a same-named column from here on).</summary>
    public string Column(string columnName, DataViewType type) => _context.AddIntermediateVariable(type, columnName);

    /// <summary>A fresh intermediate variable; its type is inferred by ONNX Runtime.</summary>
    public string Temporary(string name) => _context.AddIntermediateVariable(null, _prefix + "." + name, skip: true);

    /// <summary>A float scalar constant.</summary>
    public string Constant(float value) => _context.AddInitializer(value, _prefix + ".const");

    /// <summary>A double scalar constant.</summary>
    public string Constant(double value) => _context.AddInitializer(value, _prefix + ".const");

    /// <summary>A long scalar constant.</summary>
    public string Constant(long value) => _context.AddInitializer(value, _prefix + ".const");

    /// <summary>A float tensor constant of shape <paramref name="dims"/>.</summary>
    public string Constant(IEnumerable<float> values, params long[] dims) => _context.AddInitializer(values, dims, _prefix + ".const");

    /// <summary>A double tensor constant of shape <paramref name="dims"/>.</summary>
    public string Constant(IEnumerable<double> values, params long[] dims) => _context.AddInitializer(values, dims, _prefix + ".const");

    /// <summary>A long tensor constant of shape <paramref name="dims"/>.</summary>
    public string Constant(IEnumerable<long> values, params long[] dims) => _context.AddInitializer(values, dims, _prefix + ".const");

    /// <summary>Writes node <paramref name="op"/> from <paramref name="inputs"/> into the existing variable <paramref name="output"/>.</summary>
    public OnnxNode Node(string op, IEnumerable<string> inputs, string output, string domain = "") =>
        _context.CreateNode(op, inputs, [output], _context.GetNodeName(_prefix + "." + op), domain);

    /// <summary>Writes node <paramref name="op"/> from <paramref name="inputs"/> into a fresh variable and returns it.</summary>
    public string Apply(string op, params string[] inputs) => Apply(op, inputs, _ => { });

    /// <summary>As <see cref="Apply(string, string[])"/>, with attributes set by <paramref name="attributes"/>.</summary>
    public string Apply(string op, string[] inputs, Action<OnnxNode> attributes, string domain = "")
    {
        var output = Temporary(op);
        attributes(Node(op, inputs, output, domain));
        return output;
    }

    /// <summary>Writes node <paramref name="op"/> with <paramref name="outputCount"/> outputs into fresh variables and returns them.</summary>
    public string[] ApplyMany(string op, string[] inputs, int outputCount, Action<OnnxNode> attributes)
    {
        var outputs = Enumerable.Range(0, outputCount).Select(i => Temporary($"{op}{i}")).ToArray();
        attributes(_context.CreateNode(op, inputs, outputs, _context.GetNodeName(_prefix + "." + op), string.Empty));
        return outputs;
    }

    /// <summary>Converts <paramref name="input"/> to the ONNX element type of <paramref name="type"/>.</summary>
    public string Cast(string input, Type type) => Apply("Cast", [input], node => node.AddAttribute("to", type));

    /// <summary>Copies <paramref name="input"/> into the existing variable <paramref name="output"/>.</summary>
    public void Identity(string input, string output) => Node("Identity", [input], output);
}
