using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Orleans.Faas.Client;

namespace Orleans.Faas.Dashboard.Live;

/// <summary>
/// A page that reads the cluster through the gateway and reads it again every <see cref="Interval"/> while it is open,
/// so what it shows follows the cluster without a reload.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Interactive on the server, not prerendered: a page starts following the cluster once its connection is up.</summary>
    public static IComponentRenderMode Mode { get; } = new InteractiveServerRenderMode(prerender: false);

    private readonly CancellationTokenSource _closed = new();

    [Inject]
    private DashboardSession Session { get; set; } = null!;

    /// <summary>Who the gateway takes the user for; null until the first read.</summary>
    protected CallerInfo? Caller { get; private set; }

    private string? _readError;
    private string? _actionError;

    /// <summary>Why the last read, or the last action, failed, as the gateway said it; an action's refusal stays until the next action.</summary>
    protected string? Error => string.Join(" ", new[] { _actionError, _readError }.OfType<string>()) is { Length: > 0 } error ? error : null;

    protected bool Loaded { get; private set; }

    protected bool IsAdmin => Caller?.Role == ApiKeyRole.Admin;

    /// <summary>Developers and admins may cancel tasks and read functions.</summary>
    protected bool IsDeveloper => Caller?.Role is ApiKeyRole.Admin or ApiKeyRole.Developer;

    protected CancellationToken Closed => _closed.Token;

    /// <summary>Reads what the page shows.</summary>
    protected abstract Task Read(FaasClient faas, CancellationToken cancellationToken);

    protected override void OnInitialized() => _ = Follow();

    protected override Task OnParametersSetAsync() => Reload();

    /// <summary>Does what the user asked, then reads the page again so it shows the outcome.</summary>
    protected async Task Act(Func<FaasClient, CancellationToken, Task> action)
    {
        try
        {
            await action(await Session.Client(), Closed);
            _actionError = null;
        }
        catch (FaasRequestException e)
        {
            _actionError = e.Message;
            return;
        }
        await Reload();
    }

    protected async Task Reload()
    {
        try
        {
            Caller ??= await Session.Caller(Closed);
            await Read(await Session.Client(), Closed);
            _readError = null;
        }
        catch (FaasRequestException e)
        {
            _readError = e.Status == 403 ? $"Your key's role ({Caller?.Role}) may not read this: {e.Message}" : e.Message;
        }
        catch (OperationCanceledException) when (Closed.IsCancellationRequested)
        {
        }
        Loaded = true;
    }

    private async Task Follow()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(Closed))
            {
                await Reload();
                StateHasChanged();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // Not the gateway's answer but a fault of the page: the circuit reports it as it would a handler's.
            await DispatchExceptionAsync(e);
        }
    }

    public void Dispose()
    {
        // Cancelled, not disposed: a read still under way may yet look at the token.
        _closed.Cancel();
        GC.SuppressFinalize(this);
    }
}
