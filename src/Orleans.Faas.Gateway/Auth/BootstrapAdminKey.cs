using Microsoft.Extensions.Options;
using Orleans.Faas.Keys;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Registry;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>
/// With <c>Faas:Auth:Enabled</c> and neither an AdminKey nor any stored key, makes an admin key once the host has
/// started and writes it to standard output, once: the log only says that it did. Several gateways starting together
/// race for one key id, so one key is made.
/// </summary>
public sealed partial class BootstrapAdminKey(
    IOptions<AuthOptions> auth, IGrainFactory grains, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<BootstrapAdminKey> logger)
    : BackgroundService
{
    public const string Id = "bootstrap";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!auth.Value.Enabled || auth.Value.AdminKey is not null)
            return;
        // The Orleans client (or the silo) answers only once the host has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);

        try
        {
            if (!(await grains.GetGrain<IRegistryGrain>(Registries.Keys).List()).IsEmpty)
                return;
            var (key, hash) = ApiKeySecret.New(Id);
            var grant = new ApiKeyGrant(Id, "bootstrap admin", ApiKeyRole.Admin, [QualifiedName.DefaultNamespace], clock.GetUtcNow());
            if (!await grains.GetGrain<IApiKeyGrain>(Id).Issue(grant, hash))
                return;
            Console.WriteLine($"""

                Orleans.Faas created an admin key. It is shown this once and stored only as a hash:

                    {key}

                Keep it safe (e.g. `faas login`), and make keys for others with `faas keys create`.

                """);
            LogCreated(Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the admin key '{KeyId}' (Faas:Auth:Enabled with no key stored) and wrote it to standard output, this once.")]
    private partial void LogCreated(string keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not create the admin key; requests need a key and none exists. Restart once the cluster answers, or set Faas:Auth:AdminKey.")]
    private partial void LogFailed(Exception exception);
}
