using System.Collections.Immutable;

namespace Orleans.Faas.Gateway.Keys;

/// <summary>A key request with fields that cannot make a key; one entry per bad field.</summary>
public sealed class InvalidKeyRequestException(ImmutableDictionary<string, string[]> errors)
    : Exception("The key request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public ImmutableDictionary<string, string[]> Errors { get; } = errors;
}
