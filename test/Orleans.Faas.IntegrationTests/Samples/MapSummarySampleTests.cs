using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Samples;

/// <summary>The sample app on the client library does what its README says, against the embedded platform.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class MapSummarySampleTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task The_sample_maps_its_function_over_100_inputs_and_prints_the_summary()
    {
        var run = await Programs.Run("dotnet", [Checkout.Built(Path.Combine("samples", "map-summary"), "MapSummary"), platform.Silo.GatewayUrl.ToString()]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("100 of 100 invocations succeeded", run.Text);
        Assert.Contains("words counted: 5050 (expected 5050)", run.Text);
        Assert.Contains($"provider {platform.Silo.Name}: ", run.Text);
    }
}
