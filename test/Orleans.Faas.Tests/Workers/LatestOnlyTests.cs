using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Tests.Workers;

public sealed class LatestOnlyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    // Each send takes its turn from here, so a test decides when a send ends and how.
    private readonly Channel<TaskCompletionSource> _sends = Channel.CreateUnbounded<TaskCompletionSource>();
    private int _sent;

    private async Task Send()
    {
        Interlocked.Increment(ref _sent);
        var turn = new TaskCompletionSource();
        await _sends.Writer.WriteAsync(turn);
        await turn.Task;
    }

    private async Task<TaskCompletionSource> NextSend() => await _sends.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    [Fact]
    public async Task A_send_that_throws_leaves_the_next_ask_sending()
    {
        using var latest = new LatestOnly(Send, NullLogger.Instance);

        latest.Ask();
        (await NextSend()).SetException(new InvalidOperationException("the provider grain did not answer"));
        latest.Ask();
        (await NextSend()).SetResult();

        Assert.Equal(2, _sent);
    }

    [Fact]
    public async Task Asks_made_while_a_send_is_under_way_make_one_send_after_it()
    {
        using var latest = new LatestOnly(Send, NullLogger.Instance);

        latest.Ask();
        var first = await NextSend();
        for (var i = 0; i < 5; i++)
            latest.Ask();
        first.SetResult();
        var second = await NextSend();
        second.SetResult();
        // A third send would have come at once; none comes before an ask.
        var third = _sends.Reader.WaitToReadAsync().AsTask();
        Assert.NotSame(third, await Task.WhenAny(third, Task.Delay(TimeSpan.FromMilliseconds(200))));
        latest.Ask();
        (await NextSend()).SetResult();

        Assert.Equal(3, _sent);
    }
}
