using System.Security.Cryptography;

namespace Orleans.Faas.Functions;

/// <summary>A file of code uploaded with a definition: a Python module (<c>.py</c>) or an archive of a package (<c>.zip</c>, <c>.tar.gz</c>).</summary>
/// <param name="FileName">The uploaded file's name; its ending says what it is.</param>
/// <param name="Content">The file's bytes.</param>
[GenerateSerializer, Immutable, Alias("faas.CodeFile")]
public sealed record CodeFile([property: Id(0)] string FileName, [property: Id(1)] byte[] Content)
{
    /// <summary>The content's SHA-256, lower-case hex; what the API shows instead of the bytes.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    // By content, not by array reference: an unchanged upload is the same definition.
    public bool Equals(CodeFile? other) =>
        other is not null && FileName == other.FileName && Content.AsSpan().SequenceEqual(other.Content);

    public override int GetHashCode() => HashCode.Combine(FileName, Content.Length);
}
