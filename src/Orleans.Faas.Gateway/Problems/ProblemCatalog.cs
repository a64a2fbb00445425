using Microsoft.AspNetCore.Mvc;
using Orleans.Faas.Batches;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Batches;
using Orleans.Faas.Gateway.Keys;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Profiles;
using Orleans.Faas.Gateway.Secrets;
using Orleans.Faas.Idempotency;
using Orleans.Faas.Keys;
using Orleans.Faas.Providers;
using Orleans.Faas.Resilience;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Secrets;
using Orleans.Faas.Tasks;
using Orleans.Faas.Triggers;
using Orleans.Runtime.Messaging;

namespace Orleans.Faas.Gateway.Problems;

/// <summary>The one place where an error a caller can act on becomes an RFC 7807 problem response.</summary>
public static class ProblemCatalog
{
    public static ProblemDetails? For(Exception exception) => exception switch
    {
        InvalidFunctionDefinitionException e => new ValidationProblemDetails(e.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The function definition is invalid.",
        },
        InvalidQueryException e => new ValidationProblemDetails(new Dictionary<string, string[]> { [e.Parameter] = [e.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The query is invalid.",
        },
        InvalidFeatureValuesException e => new ValidationProblemDetails(new Dictionary<string, string[]> { [$"features.{e.Feature}"] = [e.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The feature values do not meet the function's declared features.",
        },
        InvalidHeaderException e => new ValidationProblemDetails(new Dictionary<string, string[]> { [e.Header] = [e.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "A request header is invalid.",
        },
        InvalidBenchmarkRequestException e => new ValidationProblemDetails(e.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The benchmark request is invalid.",
        },
        InvalidChainDefinitionException e => new ValidationProblemDetails(e.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The chain definition is invalid.",
        },
        InvalidBatchException e => new ValidationProblemDetails(e.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The batch is invalid.",
        },
        InvalidSecretException e => new ValidationProblemDetails(new Dictionary<string, string[]> { [e.Field] = [e.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The secret is invalid.",
        },
        InvalidTriggerDefinitionException e => new ValidationProblemDetails(e.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The trigger definition is invalid.",
        },
        TooManyBatchItemsException e => TooManyItems(e),
        MalformedRequestException e => Problem(StatusCodes.Status400BadRequest, "The request body is malformed.", e.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e =>
            Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", e.Message),
        PayloadTooLargeException e => Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", e.Message),
        BadHttpRequestException e => Problem(e.StatusCode, "The request is malformed.", e.Message),
        FunctionNotFoundException e => Problem(StatusCodes.Status404NotFound, "Unknown function.", e.Message),
        ChainNotFoundException e => Problem(StatusCodes.Status404NotFound, "Unknown chain.", e.Message),
        ChainRunNotFoundException e => Problem(StatusCodes.Status404NotFound, "Unknown chain run.", e.Message),
        TaskNotFoundException e => Problem(StatusCodes.Status404NotFound, "Unknown task.", e.Message),
        BatchNotFoundException e => Problem(StatusCodes.Status404NotFound, "Unknown batch.", e.Message),
        SecretNotFoundException e => Problem(StatusCodes.Status404NotFound, "Unknown secret.", e.Message),
        TriggerNotFoundException e => Problem(StatusCodes.Status404NotFound, "Unknown trigger.", e.Message),
        IdempotencyKeyReusedException e => Problem(StatusCodes.Status422UnprocessableEntity, "The idempotency key was used for another request.", e.Message),
        TaskAlreadyFinishedException e => Problem(StatusCodes.Status409Conflict, "The task has already finished.", e.Message),
        ProviderNotFoundException e => Problem(StatusCodes.Status404NotFound, "Unknown provider.", e.Message),
        BenchmarkNotFoundException e => Problem(StatusCodes.Status404NotFound, "Unknown benchmark.", e.Message),
        BenchmarkAlreadyFinishedException e => Problem(StatusCodes.Status409Conflict, "The benchmark has already finished.", e.Message),
        BenchmarkSlotBusyException e => SlotBusy(e),
        NoProfileException e => Problem(StatusCodes.Status404NotFound, "No profile yet.", e.Message),
        PinnedProviderUnavailableException e => Problem(StatusCodes.Status503ServiceUnavailable, "The provider cannot take the task.", e.Message),
        UnmetConstraintException e => Unmet(e),
        QueueFullException e => QueuesFull(e),
        NoProviderAvailableException e => Problem(StatusCodes.Status503ServiceUnavailable, "No provider can run this function.", e.Message),
        TaskNotStoredException or ChangeNotStoredException => NotStored(),
        ApiKeyNotFoundException e => Problem(StatusCodes.Status404NotFound, "Unknown API key.", e.Message),
        InvalidKeyRequestException e => new ValidationProblemDetails(e.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The key request is invalid.",
        },
        NamespaceForbiddenException e => Problem(StatusCodes.Status403Forbidden, "The key may not act in this namespace.", e.Message),
        NamespaceLimitReachedException e => LimitReached(e),
        SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException or TimeoutException =>
            ClusterAway(),
        _ when StorageOutage.Caused(exception) => StorageAway(),
        _ => null,
    };

    public static ProblemDetails Problem(int status, string title, string? detail) =>
        new() { Status = status, Title = title, Detail = detail };

    /// <summary>The extension with the seconds to wait before trying again; the handler also sends it as Retry-After.</summary>
    public const string Wait = "wait";

    /// <summary>A problem that says how many seconds to wait before trying again (<see cref="Wait"/>).</summary>
    public static ProblemDetails Retry(int status, string title, string? detail, double waitSeconds)
    {
        var problem = Problem(status, title, detail);
        problem.Extensions[Wait] = waitSeconds;
        return problem;
    }

    /// <summary>Whether the problem stands for a failure of the cluster rather than of the request: its exception belongs in the log.</summary>
    public static bool IsServerSide(ProblemDetails problem) => problem.Status >= StatusCodes.Status500InternalServerError;

    private static ProblemDetails Unmet(UnmetConstraintException e)
    {
        var problem = Problem(StatusCodes.Status503ServiceUnavailable, "No ready provider meets the function's constraints.", e.Message);
        problem.Extensions["constraint"] = e.Constraint;
        return problem;
    }

    private static ProblemDetails QueuesFull(QueueFullException e) =>
        Retry(StatusCodes.Status429TooManyRequests, "Every queue that could take the task is full.", e.Message, e.RetryAfterSeconds);

    private static ProblemDetails LimitReached(NamespaceLimitReachedException e) =>
        Retry(StatusCodes.Status429TooManyRequests, "The namespace is at its limit of unfinished tasks.", e.Message, NamespaceLimitReachedException.RetryAfterSeconds);

    // The exceptions below carry silo addresses, grain ids or the database's own words (its host among them): those
    // stay in the gateway's log, and the caller is told what happened in words of its own.

    /// <summary>A call that no silo answered: Orleans' message names silos and grains.</summary>
    private static ProblemDetails ClusterAway() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "The Orleans cluster is unreachable.", "No silo of the cluster answered the gateway in time.");

    /// <summary>A read or change that needed the database while it was away.</summary>
    private static ProblemDetails StorageAway() =>
        Retry(StatusCodes.Status503ServiceUnavailable, "The cluster's storage is unavailable; nothing was changed.",
            "The cluster's database did not answer; try again shortly.", TaskNotStoredException.RetryAfterSeconds);

    /// <summary>A submission or a change that could not be stored; the database's own message stays in the log.</summary>
    private static ProblemDetails NotStored() =>
        Retry(StatusCodes.Status503ServiceUnavailable, "The cluster's storage is unavailable; nothing was changed.",
            "It could not be stored because the cluster's database did not answer; try again shortly (with the same Idempotency-Key, if any).",
            TaskNotStoredException.RetryAfterSeconds);

    private static ProblemDetails TooManyItems(TooManyBatchItemsException e)
    {
        var problem = Problem(StatusCodes.Status413PayloadTooLarge, "The batch has too many items.", e.Message);
        problem.Extensions["maxItems"] = e.Limit;
        return problem;
    }

    private static ProblemDetails SlotBusy(BenchmarkSlotBusyException e)
    {
        var problem = Retry(StatusCodes.Status409Conflict, "Another benchmark holds the slot.", e.Message, e.WaitSeconds);
        problem.Extensions["benchmarkId"] = e.Holder;
        return problem;
    }
}
