using System.Net.Http.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Orleans.Faas.Client;

/// <summary>Sends the client's requests and turns every answer that is not a success into one <see cref="FaasRequestException"/>.</summary>
internal sealed class FaasPipeline(HttpClient http)
{
    public Uri? Endpoint => http.BaseAddress;

    public async Task<T> GetJson<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await Send(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await ReadJson<T>(response, cancellationToken);
    }

    public async Task<T> PostJson<T>(string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: FaasJson.Options) };
        using var response = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await ReadJson<T>(response, cancellationToken);
    }

    /// <summary>Sends the request; the response is a success (2xx), the caller's to dispose.</summary>
    public async Task<HttpResponseMessage> Send(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken);
        }
        catch (Exception e) when (IsNoAnswer(e, cancellationToken))
        {
            throw new FaasRequestException(0, $"The gateway at {http.BaseAddress} did not answer {request.Method} {request.RequestUri}: {e.Message}", innerException: e);
        }

        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await Failure(request, response, cancellationToken);
    }

    public static async Task<T> ReadJson<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(FaasJson.Options, cancellationToken)
        ?? throw new FaasRequestException((int)response.StatusCode, $"The gateway answered {response.RequestMessage?.RequestUri} with an empty body.");

    private static async Task<FaasRequestException> Failure(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var problem = await Problem(response, cancellationToken);
        var what = problem is null ? response.ReasonPhrase : string.Join(" ", new[] { problem.Title, problem.Detail }.Where(s => !string.IsNullOrEmpty(s)));
        var fields = problem?.Errors.Count > 0 ? " " + string.Join(" ", problem.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) : "";
        return new FaasRequestException(status, $"{request.Method} {request.RequestUri} answered {status}: {what}{fields}", problem, RetryAfter(response));
    }

    private static async Task<FaasProblem?> Problem(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
            return null;
        try
        {
            return await response.Content.ReadFromJsonAsync<FaasProblem>(FaasJson.Options, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    // The caller's own cancellation stays an OperationCanceledException; a timeout or a refused connection is "no answer".
    private static bool IsNoAnswer(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
