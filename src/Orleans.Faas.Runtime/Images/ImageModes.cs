namespace Orleans.Faas.Runtime.Images;

/// <summary>File modes in the layers the node writes.</summary>
internal static class ImageModes
{
    public const UnixFileMode Executable = (UnixFileMode)0b111_101_101;
    public const UnixFileMode Readable = (UnixFileMode)0b110_100_100;
    public const UnixFileMode WorldWritable = UnixFileMode.StickyBit | (UnixFileMode)0b111_111_111;
}
