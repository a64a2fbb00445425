using System.Collections.Concurrent;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>Every request a client sent, as method and path, in the order they left.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<(HttpMethod Method, string Path)> _requests = new();

    public IReadOnlyCollection<(HttpMethod Method, string Path)> Requests => _requests;

    public int Count(HttpMethod method, string path) => _requests.Count(r => r.Method == method && r.Path == path);

    /// <summary>A handler to put in the client's chain: it notes each request and passes it on.</summary>
    public DelegatingHandler Handler() => new Recorder(this);

    private sealed class Recorder(RequestLog log) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log._requests.Enqueue((request.Method, request.RequestUri!.AbsolutePath));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
