namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// One pinned run of every function on every provider, so that a newly registered version has a warm container
/// everywhere before a run begins and no placement pays cold starts another does not.
/// </summary>
public static class WarmUp
{
    public static Task Run(FaasApi api, IReadOnlyList<WorkloadFunction> functions, IReadOnlyList<string> providers, long inputBytes) =>
        Task.WhenAll(providers.Select(async provider =>
        {
            foreach (var function in functions)
                await api.Run(function.Name, new TaskKind(function, inputBytes).Input(), provider);
        }));
}
