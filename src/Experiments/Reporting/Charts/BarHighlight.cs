namespace MlNetMlp.Experiments.Reporting.Charts;

/// <summary>Why a bar of a <see cref="BarChart"/> stands out; each kind has its own colour and legend entry.</summary>
internal enum BarHighlight
{
    /// <summary>An ordinary bar.</summary>
    None,

    /// <summary>The subject of the report, e.g. the MLP among ML.NET's trainers.</summary>
    Subject,

    /// <summary>The best value, e.g. the most accurate trainer.</summary>
    Best,

    /// <summary>Both the subject and the best.</summary>
    SubjectAndBest,
}
