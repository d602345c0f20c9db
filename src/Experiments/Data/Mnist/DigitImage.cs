using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using SkiaSharp;

namespace MlNetMlp.Experiments.Data.Mnist;

/// <summary>
/// A picture of a digit (PNG, JPEG, BMP: what SkiaSharp decodes) as MNIST pixels: 28x28 gray levels,
/// white digit on black. Other sizes are resized; a light background (mean above 127, as with ink on
/// paper) is inverted to MNIST's polarity.
/// </summary>
internal static class DigitImage
{
    /// <summary>Reads the image at <paramref name="path"/> as 784 bytes, row by row.</summary>
    /// <param name="path">The image file.</param>
    /// <returns>The pixels, 0 = background.</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not an image SkiaSharp can decode.</exception>
    public static byte[] ReadPixels(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Image '{path}' does not exist.", path);
        }

        using var decoded = SKBitmap.Decode(path)
            ?? throw new InvalidDataException($"'{path}' is not an image this program can read: expected a PNG, JPEG or BMP of a digit.");
        using var digit = decoded.Resize(new SKImageInfo(MnistDataset.ImageSide, MnistDataset.ImageSide), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidDataException($"'{path}' could not be resized to {MnistDataset.ImageSide}x{MnistDataset.ImageSide}.");
        var pixels = new byte[MnistDataset.ImageSide * MnistDataset.ImageSide];
        for (var y = 0; y < MnistDataset.ImageSide; y++)
        {
            for (var x = 0; x < MnistDataset.ImageSide; x++)
            {
                pixels[y * MnistDataset.ImageSide + x] = GrayOverWhite(digit.GetPixel(x, y));
            }
        }

        if (pixels.Average(p => p) > 127)
        {
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = (byte)(255 - pixels[i]);
            }
        }

        return pixels;
    }

    /// <summary>Images as a data view with the <c>Pixels</c> column the MNIST recipe reads.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="images">784 bytes per image.</param>
    /// <returns>A data view with one row per image.</returns>
    public static IDataView ToDataView(MLContext mlContext, IEnumerable<byte[]> images) =>
        mlContext.Data.LoadFromEnumerable(images.Select(pixels => new PixelsRow { Pixels = pixels }));

    /// <summary>Luminance of the color composited over white, so a transparent background reads as paper.</summary>
    private static byte GrayOverWhite(SKColor color)
    {
        var alpha = color.Alpha / 255.0;
        var luminance = 0.299 * color.Red + 0.587 * color.Green + 0.114 * color.Blue;
        return (byte)Math.Round(alpha * luminance + (1 - alpha) * 255);
    }

    private sealed class PixelsRow
    {
        [VectorType(MnistDataset.PixelCount)]
        [ColumnName(MnistDataset.PixelsColumnName)]
        public byte[] Pixels { get; set; } = [];
    }
}
