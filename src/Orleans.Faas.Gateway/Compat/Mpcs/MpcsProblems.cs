using Microsoft.AspNetCore.Mvc;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Resilience;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Compat.Mpcs;

/// <summary>
/// MPCS's own error answers over the platform's problems: 400 for a bad serialization, 502 when the store is away
/// (its Redis; here the cluster's database), and a <c>detail</c> on every problem, which its FastAPI clients read.
/// 404 for an unknown function or task is the platform's own answer.
/// </summary>
public sealed partial class MpcsProblems(ILogger<MpcsProblems> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (For(e) is { } problem)
        {
            if (ProblemCatalog.IsServerSide(problem))
                LogServerSide(e, problem.Status!.Value, context.HttpContext.Request.Path);
            return Results.Problem(problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered {Status} to MPCS {Path}")]
    private partial void LogServerSide(Exception exception, int status, string path);

    private static ProblemDetails? For(Exception exception)
    {
        if (exception is MpcsSerializationException serialization)
            return ProblemCatalog.Problem(StatusCodes.Status400BadRequest, "Invalid serialization.", serialization.Message);
        if (exception is MpcsUnknownTaskException unknown)
            return ProblemCatalog.Problem(StatusCodes.Status404NotFound, "Unknown task.", unknown.Message);
        if (ProblemCatalog.For(exception) is not { } problem)
            return null;
        if (exception is TaskNotStoredException or ChangeNotStoredException || StorageOutage.Caused(exception))
            problem.Status = StatusCodes.Status502BadGateway;
        // A pickle that does not load fails the registration's check on its 'pickled' field: that is MPCS's payload.
        if (exception is InvalidFunctionDefinitionException invalid)
            problem = ProblemCatalog.Problem(StatusCodes.Status400BadRequest, "Invalid serialization.",
                string.Join(" ", invalid.Errors.SelectMany(e => e.Value)));
        return problem;
    }
}
