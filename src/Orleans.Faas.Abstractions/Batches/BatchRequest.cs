using System.Collections.Immutable;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Batches;

/// <summary>Many invocations of one function in one request: one task per input, each placed on its own.</summary>
/// <param name="Options">Placement and sizing for every task of the batch.</param>
/// <param name="CallbackUrl">Where the finished batch is POSTed, if anywhere.</param>
[GenerateSerializer, Immutable, Alias("faas.BatchRequest")]
public sealed record BatchRequest(
    [property: Id(0)] string Function,
    [property: Id(1)] ImmutableArray<byte[]> Inputs,
    [property: Id(2)] InvocationOptions Options,
    [property: Id(3)] string? CallbackUrl = null);
