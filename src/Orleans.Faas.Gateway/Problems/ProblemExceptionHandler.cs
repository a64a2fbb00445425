using Microsoft.AspNetCore.Diagnostics;

namespace Orleans.Faas.Gateway.Problems;

/// <summary>Writes the catalogued problem for a known exception; anything else falls through to a 500 problem.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ProblemCatalog.For(exception) is not { } problem)
            return false;

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Extensions.TryGetValue(ProblemCatalog.Wait, out var wait) && wait is double seconds)
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
