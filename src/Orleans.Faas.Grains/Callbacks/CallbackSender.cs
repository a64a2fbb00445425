using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Orleans.Faas.Callbacks;

/// <summary>
/// POSTs one outcome to a callback URL, once; <see cref="CallbackDelivery"/> decides when to try again. Its client
/// follows no redirect (a 3xx is an answer like any other that is not 2xx) and connects through <see cref="CallbackConnector"/>.
/// </summary>
public sealed partial class CallbackSender(IHttpClientFactory clients, ILogger<CallbackSender> logger)
{
    public const string ClientName = "faas-callbacks";

    /// <returns>Null when the receiver took it (2xx), else why not.</returns>
    /// <exception cref="CallbackRefusedException">The policy refuses every address the URL's host has: trying again is pointless.</exception>
    public async Task<string?> Post(string url, byte[] body, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
                return null;
            var answered = $"the receiver answered {(int)response.StatusCode}";
            LogAttemptFailed(url, answered);
            return answered;
        }
        catch (HttpRequestException e) when (e.InnerException is CallbackRefusedException refused)
        {
            LogRefusedByPolicy(url);
            throw refused;
        }
        catch (Exception e) when (e is HttpRequestException or Polly.ExecutionRejectedException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogAttemptFailed(url, e.Message);
            LogAttemptFailure(e, url);
            return e.Message;
        }
    }

    // An attempt that failed is retried; the owner warns once, when its callback gives up.
    [LoggerMessage(Level = LogLevel.Information, Message = "A callback attempt to {Url} failed: {Reason}")]
    private partial void LogAttemptFailed(string url, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A callback attempt to {Url} failed")]
    private partial void LogAttemptFailure(Exception exception, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The callback to {Url} was refused by policy: it reaches an internal address")]
    private partial void LogRefusedByPolicy(string url);
}
