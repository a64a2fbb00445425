using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;

namespace Orleans.Faas.Functions;

/// <summary>
/// Which warm containers a run of a definition can use: a container serves only runs of an identical definition, so
/// idle containers are counted, and placement looks them up, by <c>name@</c> and the SHA-256 of the definition. The
/// name first, so that a count still says whose containers it counts.
/// </summary>
public static class WarmKey
{
    /// <param name="code">
    /// The code file by hash when the definition is handed around without it (tasks carry a <see cref="CodeReference"/>);
    /// a definition with its file in it is keyed by that file's reference, so both give the same key.
    /// </param>
    public static string Of(FunctionDefinition definition, CodeReference? code = null)
    {
        code = definition.Code is { } file ? CodeReference.Of(file) : code;
        // Dictionaries sorted: an ImmutableDictionary enumerates in the order of string hash codes, which differ per process.
        var canonical = new
        {
            Definition = definition with { Env = ImmutableDictionary<string, string>.Empty, Placement = null, Code = null },
            Env = Sorted(definition.Env),
            Placement = definition.Placement is { } placement ? new { placement.Policy, Requires = Sorted(placement.Requires) } : null,
            Code = code,
        };
        return $"{definition.Name}@{Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical)))}";
    }

    private static SortedDictionary<string, string> Sorted(IDictionary<string, string> entries) => new(entries, StringComparer.Ordinal);
}
