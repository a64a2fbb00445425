using System.Collections.Immutable;

namespace Orleans.Faas.Functions;

/// <summary>What a user registers: the code to run and the box it runs in.</summary>
/// <param name="Cpu">Cores the function may use, fractional; 0 means no limit.</param>
/// <param name="MemoryMiB">Memory limit in MiB; 0 means no limit.</param>
/// <param name="MaxAttempts">How many times a task is placed before losing its provider fails it.</param>
[GenerateSerializer, Immutable, Alias("faas.FunctionDefinition")]
public sealed record FunctionDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] FunctionRuntime Runtime,
    [property: Id(2)] string? Image,
    [property: Id(3)] ImmutableArray<string> Command,
    [property: Id(4)] ImmutableDictionary<string, string> Env,
    [property: Id(5)] double Cpu,
    [property: Id(6)] int MemoryMiB,
    [property: Id(7)] TimeSpan Timeout,
    [property: Id(8)] int MaxAttempts = FunctionDefinition.DefaultMaxAttempts)
{
    public const int DefaultMaxAttempts = 3;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
}
