namespace MlNetMlp.Callbacks;

/// <summary>Which way a monitored figure improves, as Keras's <c>mode</c>.</summary>
public enum MlpMonitorMode
{
    /// <summary>From the name: accuracy improves upwards, every other figure (losses, mean absolute error) downwards.</summary>
    Auto,

    /// <summary>Lower is better.</summary>
    Min,

    /// <summary>Higher is better.</summary>
    Max,
}
