using MlNetMlp.Trainers;
using TorchSharp;

namespace MlNetMlp.Torch;

/// <summary>Applies the runtime options: the device to train on and libtorch's thread count.</summary>
internal static class TrainingDevice
{
    public static torch.Device Select(MlpDevice device, int? numberOfThreads)
    {
        if (numberOfThreads is { } threads)
        {
            torch.set_num_threads(threads);
        }

        if (device == MlpDevice.Cuda && !torch.cuda.is_available())
        {
            throw new InvalidOperationException("Expected a CUDA device for MlpOptions.Device = Cuda, found none: libtorch reports no CUDA support (the TorchSharp-cpu package never has it). Use MlpDevice.Cpu.");
        }

        return device == MlpDevice.Cuda ? torch.CUDA : torch.CPU;
    }
}
