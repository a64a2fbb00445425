using Orleans.Faas.Functions;

namespace Orleans.Faas.Scheduling;

[GenerateSerializer, Alias("faas.NoProviderAvailableException")]
public sealed class NoProviderAvailableException(FunctionRuntime runtime, string? why = null)
    : Exception(why ?? $"No ready provider can run {runtime.ToString().ToLowerInvariant()} functions right now.")
{
    [Id(0)]
    public FunctionRuntime Runtime { get; } = runtime;
}
