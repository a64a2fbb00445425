using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.History;
using Orleans.Faas.Keys;

namespace Orleans.Faas.Gateway.Executions;

public static class ExecutionEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    private const string Paging = "Records come newest first by finish time, then task id, then attempt. "
        + "A full page (limit records) carries an RFC 8288 Link header, <...>; rel=\"next\", to the next page: the same function, "
        + "provider and limit with ?before= an opaque token for the page's last record. Follow it until a page comes without one. "
        + "A before= token that no page gave is a 400 validation problem.";

    public static void MapExecutionEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/executions", async (string? function, string? provider, int? limit, string? before, HttpContext context, IGrainFactory grains) =>
        {
            var take = limit ?? DefaultLimit;
            if (take is < 1 or > MaxLimit)
                throw new InvalidQueryException("limit", $"Limit must be between 1 and {MaxLimit}.");
            var cursor = before is null ? null : ExecutionPageToken.Read(before);
            ImmutableArray<ExecutionRecord> records = await grains.GetGrain<IExecutionHistoryGrain>(0).Query(new ExecutionQuery(function, provider, take, cursor));
            // A short page is the last one; a full one may be too, and then the next page is empty.
            if (records.Length == take)
                context.Response.Headers.Link = $"<{NextPage(context.Request, function, provider, take, records[^1])}>; rel=\"next\"";
            return Results.Ok(records);
        })
        .WithTags("Executions")
        .RequireRole(ApiKeyRole.Admin)
        .WithSummary("The execution history, newest first: one record per finished attempt, filtered by function and/or provider")
        .WithDescription(Paging)
        .Produces<ImmutableArray<ExecutionRecord>>()
        .ProducesValidationProblem();
    }

    private static string NextPage(HttpRequest request, string? function, string? provider, int limit, ExecutionRecord last) =>
        QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", new Dictionary<string, string?>
        {
            ["function"] = function,
            ["provider"] = provider,
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["before"] = ExecutionPageToken.After(last),
        });
}
