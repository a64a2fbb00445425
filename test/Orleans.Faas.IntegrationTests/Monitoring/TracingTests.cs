using System.Diagnostics;
using System.Net;
using Orleans.Faas.IntegrationTests.Cluster;
using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Telemetry;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;
using Span = Orleans.Faas.IntegrationTests.Monitoring.OtlpReceiver.ReceivedSpan;

namespace Orleans.Faas.IntegrationTests.Monitoring;

/// <summary>
/// Invocations across two cluster silos, traced into a real OTLP receiver: a client's <c>traceparent</c> sent to
/// node-a's gateway, the task pinned to node-b, every span of it in the client's trace, parented from the request to
/// the history write, and node-b's log lines about it carrying that trace.
/// </summary>
public sealed class TracingTests(TracingTests.TracedCluster traced) : IClassFixture<TracingTests.TracedCluster>
{
    private static readonly TimeSpan SpanPatience = TimeSpan.FromSeconds(60);

    private static readonly string[] PlatformSpans =
        [FaasTracing.Placement, FaasTracing.QueueWait, FaasTracing.Container, FaasTracing.Run, FaasTracing.HistoryWrite];

    private HttpClient NodeA => traced.Cluster.Silos.Single(s => s.Name == "node-a").Http;

    [Fact]
    public async Task An_invocation_run_on_another_silo_is_one_trace_continuing_the_clients_from_the_request_to_the_history_write()
    {
        var function = UniqueName("traced");
        await NodeA.RegisterOk(Hello(function));

        var (clientTrace, clientSpan, taskId) = await InvokeOnNodeB(function);
        var task = await NodeA.WaitForTask(taskId);
        Assert.Equal("COMPLETED", task["status"]!.GetValue<string>());
        Assert.Equal("node-b", task["provider"]!.GetValue<string>());
        Assert.Equal(clientTrace, task["traceId"]!.GetValue<string>());

        var trace = await Poll.UntilAsync(
            () => Task.FromResult(new Trace(traced.Receiver.Spans.Where(s => s.TraceId == clientTrace))), t => t.Complete(clientSpan), SpanPatience,
            "the trace's spans from the request to the history write to arrive");

        var httpSpan = trace.Single(s => s.ParentSpanId == clientSpan);
        Assert.Equal(("Microsoft.AspNetCore", "node-a"), (httpSpan.Scope, httpSpan.Instance));
        var placement = trace.Single(FaasTracing.Placement);
        Assert.Contains(httpSpan, trace.Ancestors(placement));
        Assert.Equal(("node-b", taskId), (placement.Attributes["faas.provider"], placement.Attributes["faas.task_id"]));
        var queueWait = trace.Single(FaasTracing.QueueWait);
        var run = trace.Single(FaasTracing.Run);
        Assert.Equal((placement.SpanId, "node-b"), (queueWait.ParentSpanId, queueWait.Instance));
        Assert.Equal((placement.SpanId, "node-b", taskId), (run.ParentSpanId, run.Instance, run.Attributes["faas.task_id"]));
        var container = trace.Single(FaasTracing.Container);
        Assert.Equal((run.SpanId, "node-b", "true"), (container.ParentSpanId, container.Instance, container.Attributes["faas.container.cold"]));
        Assert.Contains(run, trace.Ancestors(trace.Single(FaasTracing.HistoryWrite)));
        // Orleans' own spans of the grain calls in between, on both silos.
        Assert.Contains(trace.Spans, s => s.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.Instance == "node-a");
        Assert.Contains(trace.Spans, s => s.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.Instance == "node-b");
        // Nothing about the task went to another trace.
        Assert.All(traced.Receiver.Spans.Where(s => s.Attributes.GetValueOrDefault("faas.task_id") == taskId), s => Assert.Equal(clientTrace, s.TraceId));
    }

    [Fact]
    public async Task The_nodes_log_lines_about_a_run_carry_its_task_and_trace()
    {
        var function = UniqueName("late");
        await NodeA.RegisterOk(Hello(function, 1, "/bin/sleep", "10"));

        var (clientTrace, _, taskId) = await InvokeOnNodeB(function);
        Assert.Equal("FAILED", (await NodeA.WaitForTask(taskId))["status"]!.GetValue<string>());

        // The runner's warning that the run was killed at its timeout, in the scope of the run.
        var nodeB = traced.Cluster.Silos.Single(s => s.Name == "node-b");
        await Poll.UntilAsync(
            () => File.ReadAllText(nodeB.LogPath).Contains($"Task {taskId}, trace {clientTrace}", StringComparison.Ordinal), Patience,
            $"node-b's log ({nodeB.LogPath}) to name task {taskId} and trace {clientTrace}");
    }

    /// <summary>Invokes through node-a's gateway with a new client trace, pinned to node-b; returns the trace, the client's span and the task.</summary>
    private async Task<(string Trace, string Span, string TaskId)> InvokeOnNodeB(string function)
    {
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        var span = ActivitySpanId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/functions/{function}/invocations?provider=node-b") { Content = new StringContent("traced") };
        request.Headers.Add("traceparent", $"00-{trace}-{span}-01");
        using var accepted = await NodeA.SendAsync(request);
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await Describe(accepted));
        return (trace, span, (await accepted.Json())["taskId"]!.GetValue<string>());
    }

    /// <summary>The receiver, and two Docker silos and a gateway exporting their traces to it.</summary>
    public sealed class TracedCluster : IAsyncLifetime
    {
        private LabCluster? _cluster;

        public OtlpReceiver Receiver { get; private set; } = null!;

        public LabCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

        public async Task InitializeAsync()
        {
            Receiver = await OtlpReceiver.Start();
            _cluster = await LabCluster.Create(settings: new Dictionary<string, string>
            {
                ["Faas__Telemetry__Otlp__Endpoint"] = Receiver.Endpoint.ToString(),
                // The exporter sends what it has every 200 ms instead of every 5 s.
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                // No provider benchmarks as the silos join: their tasks would be traced beside the tests'.
                ["Faas__Scheduling__AutoBenchmark"] = "false",
                // Log lines show their scopes, where a run's task and trace are.
                ["Logging__Console__IncludeScopes"] = "true",
            });
            await Cluster.Start(["node-a", "node-b"], new Dictionary<string, string> { ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint });
            await Poll.UntilAsync(
                async () => (await Cluster.Silos[0].Http.GetStringAsync("/v1/providers/node-b")).Contains("\"READY\""), Patience, "node-b to be READY");
        }

        public async Task DisposeAsync()
        {
            if (_cluster is not null)
                await _cluster.DisposeAsync();
            await Receiver.DisposeAsync();
        }
    }

    /// <summary>The spans of one trace received so far, by id.</summary>
    private sealed class Trace(IEnumerable<Span> spans)
    {
        public IReadOnlyList<Span> Spans { get; } = [.. spans];

        private Dictionary<string, Span> ById => Spans.ToDictionary(s => s.SpanId);

        public Span Single(string name) => Assert.Single(Spans, s => s.Name == name);

        public Span Single(Func<Span, bool> which) => Assert.Single(Spans, s => which(s));

        /// <summary>Its parent, the parent's parent and so on, as far as they have arrived.</summary>
        public IEnumerable<Span> Ancestors(Span span)
        {
            var byId = ById;
            for (var next = span; byId.TryGetValue(next.ParentSpanId, out var parent); next = parent)
                yield return parent;
        }

        /// <summary>Every one of the platform's spans has arrived, each with all its ancestors up to the client's span.</summary>
        public bool Complete(string clientSpan) =>
            PlatformSpans.All(name => Spans.Any(s => s.Name == name))
            && Spans.Where(s => PlatformSpans.Contains(s.Name)).All(s => (Ancestors(s).LastOrDefault() ?? s).ParentSpanId == clientSpan);
    }
}
