using MlNetMlp.Trainers.Callbacks;

namespace MlNetMlp.Callbacks;

/// <summary>
/// Makes a run survive being killed, as Keras's <c>BackupAndRestore</c>: after every epoch the whole state of the run
/// (weights, optimizer state and learning rate, epoch counter, history, the generator of dropout and noise, and the
/// deciding callbacks' state) goes to a backup file in <c>backupDirectory</c>, written atomically. A <c>Fit</c> started
/// again with the same options, data and directory resumes after the last completed epoch, redraws the row orders of
/// the epochs it skips from the seed, and ends as the uninterrupted run would (bit-identical on the CPU with one
/// thread). The backup is deleted when the run completes, unless <c>deleteOnTrainEnd</c> is false.
/// </summary>
/// <param name="backupDirectory">The folder of the backup; created when missing.</param>
/// <param name="deleteOnTrainEnd">Whether a completed run deletes its backup (Keras's <c>delete_checkpoint</c>).</param>
public sealed class BackupAndRestore(string backupDirectory, bool deleteOnTrainEnd = true) : MlpCallback
{
    /// <summary>The backup's file name within the folder.</summary>
    public const string FileName = "training-backup.bin";

    private readonly string _directory = string.IsNullOrWhiteSpace(backupDirectory) ? throw new ArgumentException("Expected a folder for the backup.", nameof(backupDirectory)) : backupDirectory;
    private IReadOnlyList<MlpCallback> _others = [];

    /// <summary>The backup file.</summary>
    public string BackupPath => Path.Combine(_directory, FileName);

    internal override string? WritesTo => _directory;

    /// <summary>Resumes from the backup, once every callback has reset itself for the run.</summary>
    internal override void OnTrainReady(MlpTrainingContext context)
    {
        _others = context.Callbacks;
        if (!File.Exists(BackupPath))
        {
            return;
        }

        var (checkpoint, states) = BackupFile.Read(BackupPath, context.RunDescription, context.Loop.Network.Architecture.WeightSpecs());
        if (states.Count != _others.Count)
        {
            throw new InvalidDataException($"The training backup '{BackupPath}' was written with {states.Count} callbacks; this run has {_others.Count}. Delete it to train from the start.");
        }

        context.Resume(checkpoint);
        foreach (var (callback, state) in _others.Zip(states))
        {
            if (callback is IBackedUpCallback backedUp && state is not null)
            {
                backedUp.Load(state);
            }
        }
    }

    /// <summary>Writes the backup once every callback has taken the epoch into account, so their state is that of the completed epoch.</summary>
    internal override void OnEpochDone(MlpTrainingContext context, MlpEpoch epoch)
    {
        BackupFile.Write(BackupPath, context.RunDescription, context.Loop.Capture(), [.. _others.Select(c => (c as IBackedUpCallback)?.Save())]);
    }

    /// <inheritdoc />
    public override void OnTrainEnd(MlpTrainingContext context)
    {
        if (deleteOnTrainEnd)
        {
            File.Delete(BackupPath);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"BackupAndRestore(backupDirectory={_directory})";
}
