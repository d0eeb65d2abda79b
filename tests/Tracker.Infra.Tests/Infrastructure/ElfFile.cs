using System.Buffers.Binary;
using System.Text;

namespace Tracker.Infra.Tests.Infrastructure;

/// <summary>
/// Just enough of a 64-bit little-endian ELF reader to list a shared library's NEEDED entries (what `readelf -d`
/// shows), so the test needs no binutils: the dynamic section's DT_NEEDED values are offsets into the string table its
/// section header links to.
/// </summary>
internal static class ElfFile
{
    private const uint DynamicSectionType = 6; // SHT_DYNAMIC
    private const long NeededTag = 1;          // DT_NEEDED
    private const long NullTag = 0;            // DT_NULL ends the table

    private static ReadOnlySpan<byte> Magic => [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    public static IReadOnlyList<string> NeededLibraries(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var elf = bytes.AsSpan();
        if (elf.Length < 64 || !elf[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path} is not an ELF file.");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file.");
        }

        var sectionTable = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]));
        var sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        var sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);

        var needed = new List<string>();
        for (var i = 0; i < sectionCount; i++)
        {
            var header = elf.Slice(sectionTable + i * sectionSize, sectionSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != DynamicSectionType)
            {
                continue;
            }

            var (offset, size) = Extent(header);
            var strings = elf.Slice(sectionTable + (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]) * sectionSize, sectionSize);
            var (stringsOffset, _) = Extent(strings);
            for (var entry = offset; entry + 16 <= offset + size; entry += 16)
            {
                var tag = BinaryPrimitives.ReadInt64LittleEndian(elf[entry..]);
                if (tag == NullTag)
                {
                    break;
                }

                if (tag == NeededTag)
                {
                    var start = stringsOffset + checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf[(entry + 8)..]));
                    var length = elf[start..].IndexOf((byte)0);
                    needed.Add(Encoding.ASCII.GetString(elf.Slice(start, length)));
                }
            }
        }

        return needed;
    }

    private static (int Offset, int Size) Extent(ReadOnlySpan<byte> sectionHeader) =>
        (checked((int)BinaryPrimitives.ReadUInt64LittleEndian(sectionHeader[0x18..])), checked((int)BinaryPrimitives.ReadUInt64LittleEndian(sectionHeader[0x20..])));
}
