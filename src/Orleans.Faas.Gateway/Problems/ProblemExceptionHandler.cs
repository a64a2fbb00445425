using Microsoft.AspNetCore.Diagnostics;

namespace Orleans.Faas.Gateway.Problems;

/// <summary>
/// Writes the catalogued problem for a known exception, and logs the exception when the cluster, not the request, is
/// at fault (its problem does not repeat what it says); anything else falls through to a 500 problem.
/// </summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ProblemCatalog.For(exception) is not { } problem)
            return false;
        if (ProblemCatalog.IsServerSide(problem))
            LogServerSide(exception, problem.Status!.Value, httpContext.Request.Method, httpContext.Request.Path);
        return await ProblemResponse.TryWriteAsync(httpContext, problem, exception);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered {Status} to {Method} {Path}")]
    private partial void LogServerSide(Exception exception, int status, string method, string path);
}
