using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>An app keeping a schedule through the client library, over real HTTP.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientTriggerTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task A_trigger_is_created_once_for_the_same_definition_fires_is_listed_and_deleted()
    {
        var (client, _) = For(platform);
        var function = UniqueName("c-tick");
        await client.RegisterFunctionAsync(Process(function, "/bin/cat"));
        var name = UniqueName("c-trigger");
        var definition = new TriggerDefinition { Name = name, Function = function, Schedule = "* * * * * *", CatchUp = CatchUp.None, Input = "beat" };

        var first = await client.CreateTriggerAsync(definition);
        var again = await client.CreateTriggerAsync(first.Trigger);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Trigger.UpdatedAt, again.Trigger.UpdatedAt);
        Assert.Equal((CatchUp.None, "UTC", "beat"), (again.Trigger.CatchUp, again.Trigger.TimeZone, again.Trigger.Input));
        Assert.Contains(await client.ListTriggersAsync(), t => t.Name == name);
        var fired = await Poll.UntilAsync(() => client.GetTriggerAsync(name), t => t.Status.LastFiring is not null, Patience, "the trigger to fire");
        var task = await client.WaitForTaskAsync(fired.Status.LastFiring!.TaskId, FaasClient.MaxTaskWait);
        Assert.Equal(TaskState.Completed, task.Status);

        await client.DeleteTriggerAsync(name);
        var gone = await Assert.ThrowsAsync<FaasRequestException>(() => client.GetTriggerAsync(name));
        Assert.True(gone.IsNotFound);
        var refused = await Assert.ThrowsAsync<FaasRequestException>(() => client.CreateTriggerAsync(definition with { Schedule = "every second" }));
        Assert.Equal(400, refused.Status);
    }
}
