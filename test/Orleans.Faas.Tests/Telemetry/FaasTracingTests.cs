using System.Diagnostics;
using Orleans.Faas.Telemetry;

namespace Orleans.Faas.Tests.Telemetry;

/// <summary>Where the platform's spans go in a task's trace, whatever span is current where they start.</summary>
public sealed class FaasTracingTests : IDisposable
{
    private const string TaskTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == FaasTracing.SourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public FaasTracingTests() => ActivitySource.AddActivityListener(_listener);

    [Fact]
    public void A_span_of_the_task_started_in_a_call_of_its_trace_goes_under_that_call()
    {
        using var call = new Activity("submit").SetParentId(TaskTrace).Start();

        using var placement = FaasTracing.StartInTask(FaasTracing.Placement, TaskTrace);

        Assert.Equal((call.TraceId, call.SpanId), (placement!.TraceId, placement.ParentSpanId));
    }

    [Fact]
    public void A_span_of_the_task_started_in_another_trace_goes_straight_under_the_task()
    {
        using var unrelated = new Activity("watchdog").Start();

        using var placement = FaasTracing.StartInTask(FaasTracing.Placement, TaskTrace);

        Assert.Equal(("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"), (placement!.TraceId.ToHexString(), placement.ParentSpanId.ToHexString()));
    }

    [Fact]
    public void A_node_span_goes_under_the_placement_it_was_sent_by_whatever_is_current()
    {
        using var enqueue = new Activity("enqueue").SetParentId(TaskTrace).Start();

        using var run = FaasTracing.StartUnder(FaasTracing.Run, TaskTrace);

        Assert.Equal("00f067aa0ba902b7", run!.ParentSpanId.ToHexString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", FaasTracing.TraceIdOf(TaskTrace));
        Assert.Null(FaasTracing.TraceIdOf(null));
    }

    public void Dispose() => _listener.Dispose();
}
