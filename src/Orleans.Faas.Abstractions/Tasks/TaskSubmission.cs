using Orleans.Faas.Functions;

namespace Orleans.Faas.Tasks;

/// <summary>What a new task is made from: the resolved function version and the caller's input bytes.</summary>
[GenerateSerializer, Immutable, Alias("faas.TaskSubmission")]
public sealed record TaskSubmission(
    [property: Id(0)] FunctionVersion Function,
    [property: Id(1)] byte[] Input);
