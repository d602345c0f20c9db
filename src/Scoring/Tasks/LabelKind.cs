namespace MlNetMlp.Scoring.Tasks;

/// <summary>The label column's type, as far as the task is concerned. The saved model stores it by value.</summary>
internal enum LabelKind
{
    /// <summary>Key&lt;UInt32&gt;: class indices.</summary>
    Key,

    /// <summary>Boolean.</summary>
    Boolean,

    /// <summary>Single or Double scalar.</summary>
    Number,

    /// <summary>A known-size vector of Single: one-hot, multi-hot or several regression targets.</summary>
    Vector,
}
