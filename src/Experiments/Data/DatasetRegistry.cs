using MlNetMlp.Experiments.Data.Imdb;
using MlNetMlp.Experiments.Data.Mnist;

namespace MlNetMlp.Experiments;

/// <summary>
/// The data sets the studies and the command line know, by name. The built-in ones are registered here, one line each;
/// an application (or a test) adds its own with <see cref="Register"/>.
/// </summary>
public static class DatasetRegistry
{
    private static readonly List<Dataset> Registered = [new MnistDigits(), new ImdbReviews()];
    private static readonly Lock Guard = new();

    /// <summary>The registered data sets, in registration order.</summary>
    public static IReadOnlyList<Dataset> All
    {
        get
        {
            lock (Guard)
            {
                return [.. Registered];
            }
        }
    }

    /// <summary>The names the command line takes, e.g. "mnist or imdb", for messages.</summary>
    public static string Names => string.Join(" or ", All.Select(d => d.Name));

    /// <summary>Adds <paramref name="dataset"/>; its name must be new.</summary>
    /// <param name="dataset">The data set.</param>
    /// <exception cref="ArgumentException">A data set of that name is registered already.</exception>
    public static void Register(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        lock (Guard)
        {
            if (Registered.Any(d => d.Name == dataset.Name))
            {
                throw new ArgumentException($"Expected a data set name not registered yet. Received: '{dataset.Name}', already one of {Names}.", nameof(dataset));
            }

            Registered.Add(dataset);
        }
    }

    /// <summary>The data set named <paramref name="name"/> (case and surrounding space ignored), or null.</summary>
    /// <param name="name">A name such as "mnist".</param>
    /// <returns>The data set, or null when none has that name.</returns>
    public static Dataset? Find(string name) => All.FirstOrDefault(d => d.Name == name.Trim().ToLowerInvariant());

    /// <summary>The data set whose rows a saved model reads, told by its input columns, or null.</summary>
    /// <param name="inputColumns">The columns of the model's input schema.</param>
    /// <returns>The first data set that recognizes them, or null.</returns>
    public static Dataset? ForModelInput(IReadOnlyCollection<string> inputColumns) => All.FirstOrDefault(d => d.IsInputOf(inputColumns));
}
