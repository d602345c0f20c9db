namespace MlNetMlp;

/// <summary>
/// A column is missing or has a type the component cannot use. The message names the column,
/// the type expected and the type found.
/// </summary>
public sealed class SchemaMismatchException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for <paramref name="columnName"/>.</summary>
    /// <param name="columnName">The column at fault.</param>
    /// <param name="expected">What the component needs, e.g. "a known-size vector of Single".</param>
    /// <param name="found">What the data holds, e.g. "Vector&lt;Single&gt; of unknown size", or "no such column".</param>
    public SchemaMismatchException(string columnName, string expected, string found)
        : base(nameof(columnName), $"Column '{columnName}': expected {expected}, found {found}.")
    {
        ColumnName = columnName;
        Expected = expected;
        Found = found;
    }

    /// <summary>The column at fault.</summary>
    public string ColumnName { get; }

    /// <summary>What the component needs.</summary>
    public string Expected { get; }

    /// <summary>What the data holds.</summary>
    public string Found { get; }

    /// <inheritdoc />
    public override string Message => $"Column '{ColumnName}': expected {Expected}, found {Found}.";
}
