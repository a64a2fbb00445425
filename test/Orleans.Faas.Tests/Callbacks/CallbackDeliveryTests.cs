using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Faas.Callbacks;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.Tests.ClientLibrary;

namespace Orleans.Faas.Tests.Callbacks;

/// <summary>
/// Delivery's backoff and deadline on the clock it is given: minutes of retrying pass in a test's moment, and each
/// attempt is seen at the time the clock says it was made.
/// </summary>
public sealed class CallbackDeliveryTests
{
    private static readonly CallbackOptions Settings = new() { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromMinutes(1) };
    private static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_a_third_attempt_after_backing_off_and_the_callback_is_delivered()
    {
        var receiver = new Receiver(_clock, failures: 2);
        var saved = new ConcurrentQueue<CallbackStatus>();

        var status = await Run(receiver, saved);

        Assert.Equal(CallbackState.Delivered, status.Status);
        Assert.Equal(3, status.Attempts);
        Assert.Null(status.LastError);
        Assert.Equal(3, receiver.Attempts.Count);
        Assert.All(Gaps(receiver), gap => Assert.True(gap >= Tick, $"an attempt came {gap} after the one before, without backing off"));
        Assert.Equal([1, 2, 3], saved.Select(s => s.Attempts));
    }

    [Fact]
    public async Task A_receiver_that_never_takes_it_is_tried_with_growing_waits_until_the_deadline_and_the_callback_fails()
    {
        var receiver = new Receiver(_clock, failures: int.MaxValue);
        var started = _clock.GetUtcNow();

        var status = await Run(receiver, new ConcurrentQueue<CallbackStatus>());

        Assert.Equal(CallbackState.Failed, status.Status);
        Assert.Equal("the receiver answered 503", status.LastError);
        Assert.True(_clock.GetUtcNow() >= started + RetryFor, $"it gave up at {_clock.GetUtcNow() - started}, before its deadline");
        var gaps = Gaps(receiver);
        Assert.InRange(receiver.Attempts.Count, 5, 60);
        Assert.True(gaps.TakeLast(3).Min() > gaps.Take(2).Max(), "the waits between attempts did not grow: " + string.Join(", ", gaps));
        Assert.All(gaps, gap => Assert.True(gap <= Settings.MaxRetryDelay + Tick, $"a wait of {gap} is longer than the longest allowed"));
    }

    /// <summary>Delivers while the clock moves a second at a time, each step once the attempt before it has had its chance to run.</summary>
    private async Task<CallbackStatus> Run(Receiver receiver, ConcurrentQueue<CallbackStatus> saved)
    {
        var sender = new CallbackSender(new OneClient(receiver.Handler()), NullLogger<CallbackSender>.Instance);
        var delivery = new CallbackDelivery(sender, Options.Create(Settings), _clock);
        var pending = CallbackStatus.Pending("http://receiver.example.org/done", _clock.GetUtcNow() + RetryFor);

        var delivering = delivery.Deliver(pending, "{}"u8.ToArray(), "secret", s => { saved.Enqueue(s); return Task.CompletedTask; }, CancellationToken.None);
        await Poll.UntilAsync(() =>
        {
            if (!delivering.IsCompleted)
                _clock.Advance(Tick);
            return delivering.IsCompleted;
        }, TimeSpan.FromSeconds(60), "the delivery to end on the fake clock", interval: TimeSpan.FromMilliseconds(5));
        return await delivering;
    }

    private static List<TimeSpan> Gaps(Receiver receiver) =>
        [.. receiver.Attempts.Zip(receiver.Attempts.Skip(1), (first, second) => second - first)];

    /// <summary>Answers 503 to its first <c>failures</c> POSTs and 204 after that, noting the clock's time of each.</summary>
    private sealed class Receiver(TimeProvider clock, int failures)
    {
        public ConcurrentQueue<DateTimeOffset> Attempts { get; } = new();

        public StubGateway Handler() => new(_ =>
        {
            Attempts.Enqueue(clock.GetUtcNow());
            return Task.FromResult(new HttpResponseMessage(Attempts.Count > failures ? HttpStatusCode.NoContent : HttpStatusCode.ServiceUnavailable));
        });
    }

    private sealed class OneClient(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
