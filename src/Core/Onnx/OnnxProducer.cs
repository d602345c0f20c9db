using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;

namespace MlNetMlp.Core.Onnx;

/// <summary>Names the pipeline step that added a column, for export errors about a column missing from the ONNX graph.</summary>
internal static class OnnxProducer
{
    /// <summary>The step in the chain ending at <paramref name="view"/> that added <paramref name="columnName"/>.</summary>
    public static string Describe(IDataView view, string columnName)
    {
        for (var current = view; current is IDataTransform step; current = step.Source)
        {
            if (step.Schema.GetColumnOrNull(columnName) is { } column && column.Index >= step.Source.Schema.Count)
            {
                return step switch
                {
                    MappedDataView ours => ours.StepDescription,
                    RowToRowMapperTransform mapped => $"the step {Name(mapped._mapper.GetType())}",
                    _ => $"the step {Name(step.GetType())}",
                };
            }
        }

        return "a step that is not a transform ML.NET's exporter can walk";
    }

    /// <summary>A type's name as a reader knows it: the declaring transformer for a nested mapper, without generic arity.</summary>
    private static string Name(Type type)
    {
        var named = type.DeclaringType ?? type;
        var name = named.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
