namespace MlNetMlp.Experiments;

/// <summary>What a study records about how it was run, and where its progress goes; every study takes the same.</summary>
public sealed class StudyRunOptions
{
    /// <summary>The command that ran the study, to repeat it (e.g. <c>mlnetmlp compare mnist --seed 1</c>); null when run from code.</summary>
    public string? CommandLine { get; init; }

    /// <summary>The seed of the ML.NET context, the networks and any data subset, as the report states it; null when not said.</summary>
    public int? Seed { get; init; }

    /// <summary>Called with a line for each step (preparing the data, training, scoring), for progress output.</summary>
    public Action<string>? Progress { get; init; }
}
