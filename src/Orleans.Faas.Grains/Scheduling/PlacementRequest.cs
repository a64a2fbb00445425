using Orleans.Faas.Functions;

namespace Orleans.Faas.Scheduling;

/// <summary>What a placement policy knows about the task it places.</summary>
public sealed record PlacementRequest(FunctionVersion Function, int InputBytes);
