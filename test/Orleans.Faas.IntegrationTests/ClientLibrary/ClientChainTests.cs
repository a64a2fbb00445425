using System.Text;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>An app defining and running chains through the client library, over real HTTP.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientChainTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task A_chain_is_defined_once_for_the_same_steps_run_to_completion_read_and_deleted()
    {
        var (client, _) = For(platform);
        var (upper, reverse) = (UniqueName("c-upper"), UniqueName("c-rev"));
        await client.RegisterFunctionAsync(Process(upper, "/usr/bin/tr", "a-z", "A-Z"));
        await client.RegisterFunctionAsync(Process(reverse, "/usr/bin/rev"));
        var name = UniqueName("c-chain");
        var definition = new ChainDefinition { Name = name, Steps = [upper, reverse] };

        var first = await client.DefineChainAsync(definition);
        var again = await client.DefineChainAsync(first.Chain);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal([upper, reverse], (await client.GetChainAsync(name)).Steps.Select(s => s.Function));
        Assert.Contains(await client.ListChainsAsync(), c => c.Name == name);

        var operation = await client.StartChainRunAsync(name, "abc"u8.ToArray());
        var run = await operation.WaitForCompletionAsync();

        Assert.Equal(ChainRunStatus.Completed, run.Status);
        Assert.Equal("CBA", Encoding.UTF8.GetString(run.OutputBytes()!));
        Assert.All(run.Steps, s => Assert.Equal(ChainStepStatus.Completed, s.Status));
        Assert.Equal(run.Steps.Select(s => s.TaskId), (await client.GetChainRunAsync(name, operation.Id)).Steps.Select(s => s.TaskId));

        await client.DeleteChainAsync(name);
        var gone = await Assert.ThrowsAsync<FaasRequestException>(() => client.GetChainAsync(name));
        Assert.True(gone.IsNotFound);
    }

    [Fact]
    public async Task A_failed_run_names_its_step_and_a_bad_definition_throws_with_the_field()
    {
        var (client, _) = For(platform);
        var broken = UniqueName("c-broken");
        await client.RegisterFunctionAsync(Process(broken, "/bin/false"));
        var name = UniqueName("c-fails");
        await client.DefineChainAsync(new ChainDefinition { Name = name, Steps = [new ChainStep(broken)] });

        var run = await (await client.StartChainRunAsync(name, new MemoryStream("x"u8.ToArray()))).WaitForCompletionAsync();

        Assert.Equal(ChainRunStatus.Failed, run.Status);
        Assert.Equal(0, run.FailedStep);
        Assert.Contains(run.Steps[0].TaskId!.Value.ToString(), run.Error);

        var error = await Assert.ThrowsAsync<FaasRequestException>(() => client.DefineChainAsync(new ChainDefinition { Name = name, Steps = [] }));
        Assert.Equal(400, error.Status);
        Assert.Contains("steps", error.Problem!.Errors.Keys);
    }
}
