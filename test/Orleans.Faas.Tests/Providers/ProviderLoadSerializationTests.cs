using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Providers;
using Orleans.Serialization;

namespace Orleans.Faas.Tests.Providers;

/// <summary>A load report that still carries the keep-alive decisions (Id 7, before they were asked for on read) reads as today's.</summary>
public sealed class ProviderLoadSerializationTests
{
    [Fact]
    public void A_load_with_the_old_keep_alive_field_reads_with_it_skipped()
    {
        using var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(ProviderLoad).Assembly).AddAssembly(typeof(LoadBeforeKeepAliveMoved).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var keepAlive = ImmutableDictionary<string, KeepAliveDecision>.Empty
            .Add("f", new KeepAliveDecision(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(9), KeepAliveBasis.Histogram, 12));
        var old = new LoadBeforeKeepAliveMoved(2, 1, 4, 350, ImmutableDictionary<string, int>.Empty.Add("f", 1), 800, 16, keepAlive);

        var read = serializer.Deserialize<ProviderLoad>(serializer.SerializeToArray(old))!;

        Assert.Equal(new ProviderLoad(2, 1, 4, 350, null, 800, 16), read with { IdleWarm = null });
        Assert.Equal(1, read.IdleWarmOf("f"));
    }
}

/// <summary>ProviderLoad's fields as they were up to the move, Id 7 included.</summary>
[GenerateSerializer]
public sealed record LoadBeforeKeepAliveMoved(
    [property: Id(0)] int Running,
    [property: Id(1)] int Queued,
    [property: Id(2)] int Slots,
    [property: Id(3)] double PendingMs,
    [property: Id(4)] ImmutableDictionary<string, int>? IdleWarm,
    [property: Id(5)] double? ColdStartMs,
    [property: Id(6)] int? MaxQueued,
    [property: Id(7)] ImmutableDictionary<string, KeepAliveDecision>? KeepAlive);
