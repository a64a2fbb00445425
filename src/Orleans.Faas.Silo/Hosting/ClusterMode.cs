using System.Net;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Faas.Hosting;
using Orleans.Faas.Storage;
using StackExchange.Redis;

namespace Orleans.Faas.Silo.Hosting;

public static class ClusterMode
{
    /// <summary>The ADO.NET invariant name the Orleans providers load Npgsql by.</summary>
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// One silo of many: Redis membership, grain state and reminders in PostgreSQL, the execution history, the runtime
    /// models and the key ring secrets are encrypted with there too.
    /// Failure detection is tuned for small lab clusters: a silo that stops answering is declared dead after
    /// about three missed 2-second probes. Not ready (<c>/readyz</c>) while PostgreSQL does not answer.
    /// </summary>
    public static ISiloBuilder UseClusterMode(this ISiloBuilder silo, SiloHostOptions host, ClusterIdentityOptions cluster, DeploymentOptions deployment)
    {
        var postgres = deployment.RequirePostgres();

        silo.Configure<ClusterOptions>(cluster.ApplyTo);
        // Both Orleans ports listen on the advertised address only, never on every address of the host.
        if (host.AdvertisedAddress is { } address)
            silo.ConfigureEndpoints(IPAddress.Parse(address), host.SiloPort, host.GatewayPort);
        else
            silo.ConfigureEndpoints(host.SiloPort, host.GatewayPort);

        silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(deployment.Redis!));
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 3;
            o.NumVotesForDeathDeclaration = 2;
        });

        // State is stored in Orleans' own versioned binary format, which our [GenerateSerializer] records are made for;
        // cleared state (an expired task) is deleted, not kept as an empty row.
        silo.AddAdoNetGrainStorage(FaasStorage.Name, o => o.Configure<Serializer>((storage, serializer) =>
            (storage.Invariant, storage.ConnectionString, storage.GrainStorageSerializer, storage.DeleteStateOnClear) =
                (NpgsqlInvariant, postgres, new OrleansGrainStorageSerializer(serializer), true)));
        silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (NpgsqlInvariant, postgres));
        // A storage failure reaches the caller as Orleans' error with the database's exception inside; without this,
        // that inner exception cannot cross to another silo and the caller learns only that a codec was missing.
        silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        silo.Services.AddFaasPostgres(postgres);
        silo.Services.AddHealthChecks().AddNpgSql(
            s => s.GetRequiredService<NpgsqlDataSource>(), name: "postgres", tags: [FaasDefaults.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        silo.Services.AddPostgresExecutionHistory();
        silo.Services.AddPostgresModelStore();
        silo.Services.AddPostgresDeadLetters();
        silo.Services.AddPostgresDataProtection($"orleans-faas/{cluster.ServiceId}");
        return silo;
    }
}
