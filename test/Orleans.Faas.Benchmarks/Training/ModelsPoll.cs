using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orleans.Faas.Benchmarks.Training;

/// <summary>
/// Asks <c>GET /v1/models</c> for the training state every <see cref="Interval"/> on its own loop, apart from the
/// measured calls, and keeps the latest answer.
/// </summary>
public sealed class ModelsPoll : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _polling;
    private volatile TrainingState _latest = TrainingState.Unknown;

    private ModelsPoll(HttpClient http)
    {
        _http = http;
        _polling = PollAsync();
    }

    public TrainingState Latest => _latest;

    public static async Task<ModelsPoll> Start(HttpClient http)
    {
        var poll = new ModelsPoll(http);
        // The first answer is in before anyone reads the state.
        poll._latest = await poll.ReadAsync(CancellationToken.None);
        return poll;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _polling;
        _stopping.Dispose();
    }

    private async Task PollAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
                _latest = await ReadAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private async Task<TrainingState> ReadAsync(CancellationToken cancellationToken)
    {
        var models = (await _http.GetFromJsonAsync<JsonObject>("/v1/models?limit=1", cancellationToken))!;
        var training = models["training"]!;
        return new TrainingState(
            training["running"]!.GetValue<bool>(),
            training["lastFinishedAt"]?.GetValue<DateTimeOffset>(),
            training["lastOutcome"]?.GetValue<string>(),
            models["versions"]!.AsArray().FirstOrDefault()?["trainingRows"]!.GetValue<int>());
    }
}
