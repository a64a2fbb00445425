namespace Orleans.Faas.Callbacks;

/// <summary>
/// Tells deliveries that their silo is stopping cleanly, once the node has drained and before grains are deactivated:
/// they stop at once and leave their reminder to resume them on another silo, or on this one after its restart.
/// </summary>
public sealed class CallbackHandover : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken Stopping => _stopping.Token;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<CallbackHandover>(ServiceLifecycleStage.BecomeActive, _ => Task.CompletedTask, _ => _stopping.CancelAsync());

    public void Dispose() => _stopping.Dispose();
}
