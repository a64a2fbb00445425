using System.Collections.Immutable;

namespace Orleans.Faas.Gateway.Batches;

/// <summary>A batch body with items that are not inputs, or none; one entry per bad item, named <c>items[i]</c>.</summary>
public sealed class InvalidBatchException(ImmutableDictionary<string, string[]> errors)
    : Exception("The batch is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public ImmutableDictionary<string, string[]> Errors { get; } = errors;
}
