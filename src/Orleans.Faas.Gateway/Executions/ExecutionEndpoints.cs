using System.Collections.Immutable;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.History;

namespace Orleans.Faas.Gateway.Executions;

public static class ExecutionEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static void MapExecutionEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/executions", async (string? function, string? provider, int? limit, IGrainFactory grains) =>
        {
            var take = limit ?? DefaultLimit;
            if (take is < 1 or > MaxLimit)
                throw new InvalidQueryException("limit", $"Limit must be between 1 and {MaxLimit}.");
            ImmutableArray<ExecutionRecord> records = await grains.GetGrain<IExecutionHistoryGrain>(0).Query(new ExecutionQuery(function, provider, take));
            return Results.Ok(records);
        })
        .WithTags("Executions")
        .WithSummary("The execution history, newest first: one record per finished attempt, filtered by function and/or provider")
        .Produces<ImmutableArray<ExecutionRecord>>()
        .ProducesValidationProblem();
    }
}
