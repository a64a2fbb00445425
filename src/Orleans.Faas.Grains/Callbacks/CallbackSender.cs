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
            LogRefused(url, (int)response.StatusCode);
            return $"the receiver answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException e) when (e.InnerException is CallbackRefusedException refused)
        {
            LogRefusedByPolicy(url);
            throw refused;
        }
        catch (Exception e) when (e is HttpRequestException or Polly.ExecutionRejectedException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(e, url);
            return e.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The callback to {Url} was answered {Status}")]
    private partial void LogRefused(string url, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The callback to {Url} was refused by policy: it reaches an internal address")]
    private partial void LogRefusedByPolicy(string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The callback to {Url} could not be delivered")]
    private partial void LogFailed(Exception exception, string url);
}
