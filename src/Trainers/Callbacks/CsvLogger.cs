using System.Globalization;

namespace MlNetMlp.Callbacks;

/// <summary>
/// Writes one row per epoch to a CSV file, as Keras's <c>CSVLogger</c>: the epoch and every named figure
/// (<see cref="MlpEpoch.Figures"/>), the columns those of the first epoch written, each row flushed as it is written.
/// A run resumed by <see cref="BackupAndRestore"/> appends; otherwise the file starts afresh unless <c>append</c>.
/// </summary>
/// <param name="path">The CSV file.</param>
/// <param name="separator">The field separator.</param>
/// <param name="append">Whether to add to an existing file instead of replacing it.</param>
public sealed class CsvLogger(string path, char separator = ',', bool append = false) : MlpCallback
{
    private readonly string _path = string.IsNullOrWhiteSpace(path) ? throw new ArgumentException("Expected a file path for the CSV log.", nameof(path)) : path;
    private string[]? _columns;

    internal override string? WritesTo => _path;

    /// <inheritdoc />
    public override void OnTrainBegin(MlpTrainingContext context) => _columns = null;

    /// <inheritdoc />
    public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(epoch);
        var figures = epoch.Figures;
        var lines = new List<string>();
        if (_columns is null)
        {
            // The first epoch of the run decides: continue the file (append, or a resumed run) or start it afresh.
            if ((append || context.ResumedAfterEpoch > 0) && File.Exists(_path) && new FileInfo(_path).Length > 0)
            {
                _columns = File.ReadLines(_path).First().Split(separator)[1..];
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
                File.WriteAllText(_path, "");
                _columns = [.. figures.Keys];
                lines.Add(string.Join(separator, ["epoch", .. _columns]));
            }
        }

        lines.Add(string.Join(separator, [epoch.Epoch.ToString(CultureInfo.InvariantCulture),
            .. _columns.Select(name => figures.TryGetValue(name, out var value) ? value.ToString("R", CultureInfo.InvariantCulture) : "")]));
        using var file = new StreamWriter(_path, append: true);
        foreach (var line in lines)
        {
            file.WriteLine(line);
        }

        file.Flush();
    }

    /// <inheritdoc />
    public override string ToString() => $"CsvLogger(path={_path})";
}
