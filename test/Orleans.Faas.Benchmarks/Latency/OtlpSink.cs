using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Orleans.Faas.Benchmarks.Latency;

/// <summary>
/// Where a traced silo's exporter sends its spans during a benchmark: an OTLP/HTTP endpoint on loopback that takes
/// every export at <c>/v1/traces</c> and counts it, so the benchmark can tell that tracing was really on.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _exports;
    private long _bytes;

    private OtlpSink(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/traces", Receive);
    }

    public long Exports => Interlocked.Read(ref _exports);

    public long Bytes => Interlocked.Read(ref _bytes);

    public static async Task<OtlpSink> Start(int port)
    {
        var sink = new OtlpSink(port);
        await sink._app.StartAsync();
        return sink;
    }

    /// <summary>An empty protobuf message is a valid, empty export answer: nothing rejected.</summary>
    private async Task<IResult> Receive(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        Interlocked.Increment(ref _exports);
        Interlocked.Add(ref _bytes, body.Length);
        return Results.Bytes([], "application/x-protobuf");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
