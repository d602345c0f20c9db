using MlNetMlp.Core.Persistence;

namespace MlNetMlp.Transforms;

/// <summary>
/// The transformer half every MlNetMlp transform shares: the input column it reads, the output column it adds, and a
/// saved form that starts with those two names (output first), followed by the transform's own parameters.
/// </summary>
public abstract class OneToOneTransformer : ColumnMappingTransformer
{
    private protected OneToOneTransformer(string outputColumnName, string inputColumnName)
    {
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
    }

    /// <summary>The column the transform adds.</summary>
    public string OutputColumnName { get; }

    /// <summary>The column the transform reads.</summary>
    public string InputColumnName { get; }

    private protected sealed override void SaveContents(ComponentWriter writer)
    {
        writer.Write(OutputColumnName);
        writer.Write(InputColumnName);
        SaveParameters(writer);
    }

    /// <summary>Writes what follows the column names: the transform's options and learned state.</summary>
    private protected abstract void SaveParameters(ComponentWriter writer);

    /// <summary>Reads the column names a saved transform starts with, output first.</summary>
    private protected static (string Output, string Input) ReadColumnNames(ComponentReader reader) => (reader.ReadString(), reader.ReadString());
}
