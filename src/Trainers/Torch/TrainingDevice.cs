using TorchSharp;

namespace MlNetMlp.Trainers.Torch;

/// <summary>Applies the runtime options: the device to train on and libtorch's thread count.</summary>
internal static class TrainingDevice
{
    /// <summary>
    /// The thread count when <see cref="MlpOptions.NumberOfThreads"/> is null: one fewer than the cores, at least one.
    /// libtorch's own default takes every core, and its pool meets at a barrier dozens of times per batch, so any other
    /// runnable thread (the GC, ML.NET, another process) makes every step wait for a descheduled worker. Measured on two
    /// cores (bench/RESULTS.md, Threads): two threads train about a third faster than one on an idle machine, and many
    /// times slower once other work wants a core; one thread is never far from the best.
    /// </summary>
    public static int DefaultThreads => Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Refuses a device this process cannot train on, when the trainer is built: CUDA where libtorch sees no GPU.</summary>
    /// <exception cref="InvalidOperationException">CUDA was asked for and libtorch has none.</exception>
    public static void CheckAvailable(MlpDevice device)
    {
        if (device == MlpDevice.Cuda)
        {
            TorchRuntime.EnsureStarted();
            if (!torch.cuda.is_available())
            {
                throw new InvalidOperationException("Expected a CUDA device for MlpOptions.Device = Cuda, found none: libtorch reports no CUDA support (the TorchSharp-cpu package never has it). Use MlpDevice.Cpu.");
            }
        }
    }

    /// <summary>Sets libtorch's thread count and returns the device to train on (checked by <see cref="CheckAvailable"/>).</summary>
    public static torch.Device Select(MlpDevice device, int? numberOfThreads)
    {
        torch.set_num_threads(numberOfThreads ?? DefaultThreads);
        return device == MlpDevice.Cuda ? torch.CUDA : torch.CPU;
    }
}
