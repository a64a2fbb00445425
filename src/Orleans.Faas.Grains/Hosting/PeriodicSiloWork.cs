namespace Orleans.Faas.Hosting;

/// <summary>
/// Silo-side work done once when the silo becomes active, then every period until it stops. The work must not throw;
/// the token it gets is cancelled when the silo stops.
/// </summary>
public sealed class PeriodicSiloWork(string name, TimeSpan period, TimeProvider clock, Func<CancellationToken, Task> work)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _repeating = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(name, ServiceLifecycleStage.Active, Start, Stop);

    private async Task Start(CancellationToken cancellationToken)
    {
        await work(_stopping.Token);
        _repeating = Repeat();
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _repeating;
        _stopping.Dispose();
    }

    private async Task Repeat()
    {
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
                await work(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping.
        }
    }
}
