using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Core.Data;

/// <summary>A column that a <see cref="ColumnMapper"/> adds to its input schema.</summary>
/// <param name="Name">The column name; a same-named input column becomes hidden, as in ML.NET.</param>
/// <param name="Type">The column type.</param>
/// <param name="Annotations">Annotations such as slot names or key values; none when null.</param>
internal sealed record AddedColumn(string Name, DataViewType Type, DataViewSchema.Annotations? Annotations = null);
