using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Batches;

/// <summary>
/// A tiny HTTP receiver for callbacks on a free loopback port: answers each POST with the next scripted status, then
/// with <see cref="Otherwise"/>; a 3xx answer points at <see cref="Location"/>.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    /// <summary>The setting a platform needs for its callbacks to reach a receiver: loopback is internal, refused unless allowed.</summary>
    public static readonly KeyValuePair<string, string> LoopbackAllowed = new("Faas__Callbacks__AllowedNetworks__0", "127.0.0.0/8");

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<HttpStatusCode> _answers;
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();
    private readonly Task _serving;

    public sealed record Received(string Path, byte[] Body, string? Timestamp, string? Signature, HttpStatusCode Answer, DateTimeOffset At);

    public CallbackReceiver(params HttpStatusCode[] answers)
    {
        _answers = new ConcurrentQueue<HttpStatusCode>(answers);
        Url = $"http://127.0.0.1:{FreePorts.Next()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Serve();
    }

    public string Url { get; }

    /// <summary>The answer once the scripted ones are used up.</summary>
    public HttpStatusCode Otherwise { get; set; } = HttpStatusCode.OK;

    /// <summary>Where a redirecting answer sends the caller.</summary>
    public string? Location { get; init; }

    /// <summary>The next POST that arrives, or a timeout.</summary>
    public async Task<Received> Next(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var answer = _answers.TryDequeue(out var scripted) ? scripted : Otherwise;
            context.Response.StatusCode = (int)answer;
            if (answer is >= HttpStatusCode.Ambiguous and < HttpStatusCode.BadRequest && Location is not null)
                context.Response.RedirectLocation = Location;
            context.Response.Close();
            await _received.Writer.WriteAsync(new Received(
                context.Request.Url!.AbsolutePath, body.ToArray(), context.Request.Headers["X-Faas-Timestamp"], context.Request.Headers["X-Faas-Signature"], answer, DateTimeOffset.UtcNow));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
