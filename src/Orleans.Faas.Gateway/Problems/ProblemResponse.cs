using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Orleans.Faas.Gateway.Problems;

/// <summary>Writes a problem as the response: its status, Retry-After when it carries a <see cref="ProblemCatalog.Wait"/>, and the body.</summary>
public static class ProblemResponse
{
    public static async Task<bool> TryWriteAsync(HttpContext context, ProblemDetails problem, Exception? exception = null)
    {
        context.Response.StatusCode = problem.Status!.Value;
        if (problem.Extensions.TryGetValue(ProblemCatalog.Wait, out var wait) && wait is double seconds)
            context.Response.Headers.RetryAfter = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
        return await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
