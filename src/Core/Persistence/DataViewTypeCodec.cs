using Microsoft.ML.Data;

namespace MlNetMlp.Core.Persistence;

/// <summary>
/// Saves and restores column types (primitives, keys with their count, vectors with their
/// dimensions), so a loaded component promises exactly the schema it was trained with.
/// </summary>
internal static class DataViewTypeCodec
{
    private const byte KeyTag = 0x40;
    private const byte VectorTag = 0x80;

    private static readonly DataViewType[] Primitives =
    [
        NumberDataViewType.Single, NumberDataViewType.Double, NumberDataViewType.Byte, NumberDataViewType.SByte,
        NumberDataViewType.Int16, NumberDataViewType.UInt16, NumberDataViewType.Int32, NumberDataViewType.UInt32,
        NumberDataViewType.Int64, NumberDataViewType.UInt64, BooleanDataViewType.Instance, TextDataViewType.Instance,
    ];

    /// <summary>Writes <paramref name="type"/>; throws for types MlNetMlp components never persist.</summary>
    public static void Write(BinaryWriter writer, DataViewType type)
    {
        switch (type)
        {
            case VectorDataViewType vector:
                writer.Write(VectorTag);
                Write(writer, vector.ItemType);
                writer.Write(vector.Dimensions.Length);
                foreach (var dimension in vector.Dimensions)
                {
                    writer.Write(dimension);
                }

                break;
            case KeyDataViewType key:
                writer.Write(KeyTag);
                writer.Write(PrimitiveCode(NumberTypeOf(key.RawType)));
                writer.Write(key.Count);
                break;
            default:
                writer.Write(PrimitiveCode(type));
                break;
        }
    }

    /// <summary>Reads a type written by <see cref="Write"/>; <paramref name="corrupt"/> builds the error for bytes that name no type.</summary>
    public static DataViewType Read(BinaryReader reader, Func<string, Exception> corrupt)
    {
        var tag = reader.ReadByte();
        switch (tag)
        {
            case VectorTag:
                var item = Read(reader, corrupt);
                if (item is VectorDataViewType)
                {
                    throw corrupt("a vector type holds another vector type");
                }

                var rank = reader.ReadInt32();
                if (rank is < 0 or > 8)
                {
                    throw corrupt($"a vector type claims {rank} dimensions");
                }

                var dimensions = new int[rank];
                for (var i = 0; i < rank; i++)
                {
                    dimensions[i] = reader.ReadInt32();
                    if (dimensions[i] < 0)
                    {
                        throw corrupt($"a vector type has a negative dimension ({dimensions[i]})");
                    }
                }

                return new VectorDataViewType((PrimitiveDataViewType)item, dimensions);
            case KeyTag:
                var raw = PrimitiveAt(reader.ReadByte(), corrupt);
                var count = reader.ReadUInt64();
                if (count == 0)
                {
                    throw corrupt("a key type has a count of 0");
                }

                return new KeyDataViewType(raw.RawType, count);
            default:
                return PrimitiveAt(tag, corrupt);
        }
    }

    private static byte PrimitiveCode(DataViewType type)
    {
        var index = Array.IndexOf(Primitives, type);
        if (index < 0)
        {
            throw new NotSupportedException($"Column type {type} cannot be saved by MlNetMlp.");
        }

        return (byte)(index + 1);
    }

    private static DataViewType PrimitiveAt(byte code, Func<string, Exception> corrupt) =>
        code >= 1 && code <= Primitives.Length ? Primitives[code - 1] : throw corrupt($"unknown column type code {code}");

    private static DataViewType NumberTypeOf(Type rawType) =>
        Primitives.FirstOrDefault(p => p.RawType == rawType)
        ?? throw new NotSupportedException($"Key type over {rawType} cannot be saved by MlNetMlp.");
}
