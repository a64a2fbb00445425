using Orleans.Faas.Functions;

namespace Orleans.Faas.Scheduling;

[GenerateSerializer, Alias("faas.NoProviderAvailableException")]
public sealed class NoProviderAvailableException(FunctionRuntime runtime, string? why = null)
    : Exception(why ?? NoneReady(runtime))
{
    [Id(0)]
    public FunctionRuntime Runtime { get; } = runtime;

    private static string NoneReady(FunctionRuntime runtime) => runtime == FunctionRuntime.Process
        ? "No ready provider can run process functions right now; a node offers them only when it is the embedded default on loopback or its operator sets Faas:Process:Enabled=true."
        : $"No ready provider can run {runtime.ToString().ToLowerInvariant()} functions right now.";
}
