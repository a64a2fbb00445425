using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Functions;
using Orleans.Faas.Gateway.Invocations;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Keys;

namespace Orleans.Faas.Gateway.DeadLetters;

public static class DeadLetterEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    private const string Paging = "Dead letters come newest first by failure time, then id. "
        + "A full page (limit letters) carries an RFC 8288 Link header, <...>; rel=\"next\", to the next page: the same limit "
        + "with ?before= an opaque token for the page's last letter. Follow it until a page comes without one. "
        + "A before= token that no page gave is a 400 validation problem.";

    private const string Replaying = "A replay submits the letter's input as a new task of the function's latest version, then "
        + "removes the letter. The new task's id follows from the letter's, so a replay sent again submits no second task.";

    public static void MapDeadLetterEndpoints(this RouteGroupBuilder v1)
    {
        var letters = v1.MapGroup("/functions/{name}/dead-letters").WithTags("Dead letters").RequireRole(ApiKeyRole.Developer);

        letters.MapGet("/", async (string name, int? limit, string? before, NamespaceScope scope, HttpContext context, IGrainFactory grains) =>
        {
            var take = limit ?? DefaultLimit;
            if (take is < 1 or > MaxLimit)
                throw new InvalidQueryException("limit", $"Limit must be between 1 and {MaxLimit}.");
            var cursor = before is null ? null : DeadLetterPageToken.Read(before);
            var page = await (await Of(grains, scope, name)).List(take, cursor);
            // A short page is the last one; a full one may be too, and then the next page is empty.
            if (page.Length == take)
                context.Response.Headers.Link = $"<{NextPage(context.Request, take, page[^1])}>; rel=\"next\"";
            return Results.Ok(page.Select(l => DeadLetterResponse.From(l)).ToList());
        })
        .WithSummary("A function's dead letters, newest first: tasks that ended FAILED after its retry policy, without their input")
        .WithDescription(Paging)
        .Produces<List<DeadLetterResponse>>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);

        letters.MapGet("/{id:guid}", async (string name, Guid id, NamespaceScope scope, IGrainFactory grains) =>
            Results.Ok(DeadLetterResponse.From(await Find(await Of(grains, scope, name), name, id), withInput: true)))
        .WithSummary("A dead letter with its input (base64) and every run's reason")
        .Produces<DeadLetterResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        letters.MapPost("/{id:guid}/replay", async (string name, Guid id, NamespaceScope scope, IGrainFactory grains, Invoker invoker, CancellationToken ct) =>
        {
            var deadLetters = await Of(grains, scope, name);
            var replay = await Replay(deadLetters, await Find(deadLetters, name, id), scope, grains, invoker, ct);
            return Results.Accepted(replay.StatusUrl, replay);
        })
        .WithSummary("Replay a dead letter: its input as a new task of the function's latest version; the letter is removed")
        .WithDescription(Replaying)
        .Produces<DeadLetterReplay>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

        letters.MapPost("/replay", async (string name, NamespaceScope scope, IGrainFactory grains, Invoker invoker, CancellationToken ct) =>
        {
            var deadLetters = await Of(grains, scope, name);
            var replays = new List<DeadLetterReplay>();
            DeadLetterCursor? before = null;
            // Oldest last in each page; the letters replayed are removed behind the cursor, which stays valid.
            for (var page = await deadLetters.List(MaxLimit, null); !page.IsEmpty; page = await deadLetters.List(MaxLimit, before))
            {
                foreach (var letter in page)
                    replays.Add(await Replay(deadLetters, letter, scope, grains, invoker, ct));
                before = new DeadLetterCursor(page[^1].FailedAt, page[^1].Id);
            }
            return Results.Accepted(value: replays);
        })
        .WithSummary("Replay every dead letter of a function, newest first; each is removed once its new task is submitted")
        .WithDescription(Replaying + " When the namespace's limit stops the replay part way, the letters not replayed stay; send it again.")
        .Produces<List<DeadLetterReplay>>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

        letters.MapDelete("/{id:guid}", async (string name, Guid id, NamespaceScope scope, IGrainFactory grains) =>
            await (await Of(grains, scope, name)).Delete(id) ? Results.NoContent() : throw new DeadLetterNotFoundException(name, id))
        .WithSummary("Delete a dead letter without replaying it")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The dead letters of the function <paramref name="name"/>, which must exist in the request's namespace.</summary>
    private static async Task<IDeadLettersGrain> Of(IGrainFactory grains, NamespaceScope scope, string name)
    {
        var function = FunctionEndpoints.Function(grains, scope, name);
        _ = await function.GetLatest() ?? throw new FunctionNotFoundException(name);
        return grains.GetGrain<IDeadLettersGrain>(function.GetPrimaryKeyString());
    }

    private static async Task<DeadLetter> Find(IDeadLettersGrain letters, string name, Guid id) =>
        await letters.Get(id) ?? throw new DeadLetterNotFoundException(name, id);

    private static async Task<DeadLetterReplay> Replay(
        IDeadLettersGrain letters, DeadLetter letter, NamespaceScope scope, IGrainFactory grains, Invoker invoker, CancellationToken ct)
    {
        var taskId = ReplayTaskId(letter.Id);
        await invoker.Submit(scope, grains.GetGrain<IFunctionGrain>(letter.Function), taskId, InvocationOptions.Default, letter.Input, ct);
        await letters.Delete(letter.Id);
        return DeadLetterReplay.Of(letter.Id, taskId);
    }

    /// <summary>The replay's task id, the same for every replay of one letter: a UUID (version 8) of the letter's id's hash.</summary>
    public static Guid ReplayTaskId(Guid deadLetterId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(deadLetterId.ToByteArray(bigEndian: true), hash);
        hash[6] = (byte)(hash[6] & 0x0F | 0x80);
        hash[8] = (byte)(hash[8] & 0x3F | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private static string NextPage(HttpRequest request, int limit, DeadLetter last) =>
        QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", new Dictionary<string, string?>
        {
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["before"] = DeadLetterPageToken.After(last),
        });
}
