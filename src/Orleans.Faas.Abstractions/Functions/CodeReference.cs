using System.Security.Cryptography;

namespace Orleans.Faas.Functions;

/// <summary>
/// A version's code file by its content: what tasks store and workers are handed instead of the bytes, which a node
/// fetches from the function once per hash (<see cref="IFunctionGrain.GetCode"/>) and keeps.
/// </summary>
/// <param name="Sha256">The SHA-256 of the file's bytes, lower-case hex.</param>
[GenerateSerializer, Immutable, Alias("faas.CodeReference")]
public sealed record CodeReference(
    [property: Id(0)] string FileName,
    [property: Id(1)] int Bytes,
    [property: Id(2)] string Sha256)
{
    public static CodeReference Of(CodeFile code) => new(code.FileName, code.Content.Length, Convert.ToHexStringLower(SHA256.HashData(code.Content)));
}
