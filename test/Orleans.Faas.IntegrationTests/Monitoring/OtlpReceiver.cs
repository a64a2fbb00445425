using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.IntegrationTests.Monitoring.Otlp;

namespace Orleans.Faas.IntegrationTests.Monitoring;

/// <summary>
/// A real OTLP/HTTP trace receiver on a free loopback port: Kestrel takes each export POSTed to <c>/v1/traces</c>
/// and decodes its protobuf body into the spans it holds.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private WebApplication? _app;

    /// <summary>A span as it arrived: ids in lower-case hex (the parent empty for a root), who sent it and its attributes as text.</summary>
    public sealed record ReceivedSpan(
        string TraceId, string SpanId, string ParentSpanId, string Name, string Scope, string Service, string Instance, IReadOnlyDictionary<string, string> Attributes);

    /// <summary>What an exporter is pointed at; it posts to <c>/v1/traces</c> under it.</summary>
    public Uri Endpoint { get; } = new($"http://127.0.0.1:{FreePorts.Next()}");

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public static async Task<OtlpReceiver> Start()
    {
        var receiver = new OtlpReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(receiver.Endpoint.ToString());
        builder.Logging.ClearProviders();
        receiver._app = builder.Build();
        receiver._app.MapPost("/v1/traces", receiver.Receive);
        await receiver._app.StartAsync();
        return receiver;
    }

    private async Task<IResult> Receive(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray());
        foreach (var resourceSpans in export.ResourceSpans)
        {
            var resource = Attributes(resourceSpans.Resource?.Attributes ?? []);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                foreach (var span in scopeSpans.Spans)
                    _spans.Enqueue(new ReceivedSpan(
                        Hex(span.TraceId), Hex(span.SpanId), Hex(span.ParentSpanId), span.Name, scopeSpans.Scope?.Name ?? "",
                        resource.GetValueOrDefault("service.name", ""), resource.GetValueOrDefault("service.instance.id", ""), Attributes(span.Attributes)));
            }
        }
        return Results.Bytes(new ExportTraceServiceResponse().ToByteArray(), "application/x-protobuf");
    }

    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue> attributes) =>
        attributes.ToDictionary(a => a.Key, a => a.Value?.ValueCase switch
        {
            AnyValue.ValueOneofCase.StringValue => a.Value.StringValue,
            AnyValue.ValueOneofCase.BoolValue => a.Value.BoolValue ? "true" : "false",
            AnyValue.ValueOneofCase.IntValue => a.Value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.DoubleValue => a.Value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "",
        });

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
