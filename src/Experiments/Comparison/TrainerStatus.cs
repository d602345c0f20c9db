namespace MlNetMlp.Experiments;

/// <summary>Whether a trainer ran in a comparison.</summary>
public enum TrainerStatus
{
    /// <summary>The trainer ran and its metrics are filled in.</summary>
    Completed,

    /// <summary>The trainer was not run (not available here, not asked for); the reason says why.</summary>
    Skipped,

    /// <summary>The trainer was run and threw; the reason holds the error.</summary>
    Failed,
}
