using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Retention;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Retention;

/// <summary>The shared cluster's set-up with a retention of seconds, so that tests see finished work expire.</summary>
public sealed class RetentionClusterFixture() : FaasClusterFixture(silo => silo.Services.Configure<TaskOptions>(t => t.Retention = Retention))
{
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(2);

    /// <summary>Long enough for the retention, a bucket's range and a reminder's tick, many times over.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the grain's state is gone from storage and no silo holds an activation of it.</summary>
    /// <returns>When it was first seen gone.</returns>
    public async Task<DateTimeOffset> WaitUntilExpired(IExpiring grain, string stateName)
    {
        var id = grain.GetGrainId();
        var management = Grains.GetGrain<IManagementGrain>(0);
        await Poll.UntilAsync(
            async () => !Storage.ContainsKey((stateName, id)) && !(await management.GetActiveGrains(id.Type)).Contains(id), Patience,
            $"{id} to be neither stored nor active");
        return DateTimeOffset.UtcNow;
    }

    /// <summary>Waits until no expiry bucket is stored: each has expired its members and deleted itself.</summary>
    public Task WaitUntilNoBuckets() =>
        Poll.UntilAsync(() => !Storage.Keys.Any(key => key.Item1 == "expiryBucket"), Patience, "no expiry bucket to be stored");
}

[CollectionDefinition(Name)]
public sealed class RetentionClusterCollection : ICollectionFixture<RetentionClusterFixture>
{
    public const string Name = "faas cluster with a short retention";
}
