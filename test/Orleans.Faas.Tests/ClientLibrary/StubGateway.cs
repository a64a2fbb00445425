using System.Net;
using System.Text;

namespace Orleans.Faas.Tests.ClientLibrary;

/// <summary>A gateway in a handler: each request is answered by the test's function, and the most requests in flight at once are counted.</summary>
public sealed class StubGateway(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private int _inFlight;
    private int _mostInFlight;

    public int MostInFlight => _mostInFlight;

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://gateway.test/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _mostInFlight, now);
        try
        {
            return await answer(request);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public static HttpResponseMessage Problem(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/problem+json") };

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
