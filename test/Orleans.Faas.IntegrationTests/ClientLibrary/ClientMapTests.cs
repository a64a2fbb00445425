using System.Text;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>Fanning a function out over many inputs, the way Globus Compute's executor maps one.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientMapTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Map_returns_every_result_in_input_order_or_as_finished_with_each_failure_on_its_own_item()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-map");
        // Fails on the input "bad"; upper-cases every other.
        await client.RegisterFunctionAsync(Process(name, "/bin/sh", "-c", "read x; [ \"$x\" != bad ] || exit 3; echo \"$x\" | tr a-z A-Z"));
        var inputs = Enumerable.Range(0, 30).Select(i => i == 17 ? "bad" : $"item {i}").ToList();
        var bytes = inputs.Select(i => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(i + "\n")).ToList();

        var ordered = await client.Map(name, bytes, maxInFlight: 6).ToListAsync();
        var asFinished = await client.Map(name, bytes, maxInFlight: 6, MapOrder.Completion).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 30), ordered.Select(r => r.Index));
        Assert.Equal(Enumerable.Range(0, 30), asFinished.Select(r => r.Index).Order());
        foreach (var results in new[] { ordered, asFinished })
        {
            var failed = Assert.Single(results, r => !r.Succeeded);
            Assert.Equal(17, failed.Index);
            Assert.True(failed.Error!.IsFunctionFailure);
            Assert.All(results.Where(r => r.Succeeded), r => Assert.Equal(inputs[r.Index].ToUpperInvariant() + "\n", Encoding.UTF8.GetString(r.Output.Span)));
        }
    }
}
