using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Destinations;

/// <summary>A function's destinations through the gateway and the client library: the outcome becomes the destination's input.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class DestinationTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task A_completed_task_s_outcome_is_the_input_of_its_success_destination_and_reaches_no_failure_destination()
    {
        var (client, _) = For(platform);
        var (sink, failures, upper) = (UniqueName("dest-sink"), UniqueName("dest-fail"), UniqueName("dest-upper"));
        await client.RegisterFunctionAsync(Process(sink, "/bin/cat"));
        await client.RegisterFunctionAsync(Process(failures, "/bin/cat"));
        var registered = await client.RegisterFunctionAsync(Process(upper, "/usr/bin/tr", "a-z", "A-Z") with
        {
            Destinations = new() { OnSuccess = new() { Function = sink }, OnFailure = new() { Function = failures } },
        });

        var task = await (await client.StartInvocationAsync(upper, "\"ping\""u8.ToArray())).WaitForCompletionAsync();
        var handedOver = await HandedOver(client, task.Id);
        var destination = await client.GetInvocationOperation(handedOver.InvocationId).WaitForCompletionAsync();

        Assert.Equal(sink, registered.Function.Destinations!.OnSuccess!.Function);
        Assert.Equal(TaskState.Completed, task.Status);
        Assert.Equal(sink, handedOver.Target.Function);
        Assert.Equal(1, handedOver.Attempts);
        Assert.Equal(sink, destination.Function);
        Assert.Equal(TaskState.Completed, destination.Status);
        var outcome = JsonNode.Parse(await client.GetTaskResultAsync(destination.Id))!;
        Assert.Equal(task.Id.ToString(), outcome["taskId"]!.GetValue<string>());
        Assert.Equal(upper, outcome["function"]!.GetValue<string>());
        Assert.Equal("COMPLETED", outcome["status"]!.GetValue<string>());
        Assert.Equal("PING", outcome["output"]!.GetValue<string>());
        Assert.Equal("ping", outcome["input"]!.GetValue<string>());
        Assert.Empty(await Executions(failures));
    }

    [Fact]
    public async Task A_failed_task_s_outcome_goes_to_its_failure_destination_only()
    {
        var (client, _) = For(platform);
        var (sink, failures, failing) = (UniqueName("dest-sink"), UniqueName("dest-fail"), UniqueName("dest-false"));
        await client.RegisterFunctionAsync(Process(sink, "/bin/cat"));
        await client.RegisterFunctionAsync(Process(failures, "/bin/cat"));
        await client.RegisterFunctionAsync(Process(failing, "/bin/sh", "-c", "echo broken >&2; exit 3") with
        {
            MaxAttempts = 1,
            Destinations = new() { OnSuccess = new() { Function = sink }, OnFailure = new() { Function = failures } },
        });

        var task = await (await client.StartInvocationAsync(failing, "{\"n\": 1}"u8.ToArray())).WaitForCompletionAsync();
        var handedOver = await HandedOver(client, task.Id);
        var destination = await client.GetInvocationOperation(handedOver.InvocationId).WaitForCompletionAsync();

        Assert.Equal(TaskState.Failed, task.Status);
        Assert.Equal(failures, handedOver.Target.Function);
        Assert.Equal(TaskState.Completed, destination.Status);
        var outcome = JsonNode.Parse(await client.GetTaskResultAsync(destination.Id))!;
        Assert.Equal("FAILED", outcome["status"]!.GetValue<string>());
        Assert.Equal(task.FailureReason, outcome["failureReason"]!.GetValue<string>());
        Assert.Equal(1, outcome["input"]!["n"]!.GetValue<int>());
        Assert.Empty(await Executions(sink));
    }

    [Fact]
    public async Task A_destination_that_does_not_exist_is_refused_naming_its_field_and_nothing_is_registered()
    {
        var (client, _) = For(platform);
        var name = UniqueName("dest-bad");

        var missing = await Assert.ThrowsAsync<FaasRequestException>(() => client.RegisterFunctionAsync(Process(name, "/bin/cat") with
        {
            Destinations = new() { OnFailure = new() { Chain = UniqueName("no-chain") } },
        }));
        var both = await Assert.ThrowsAsync<FaasRequestException>(() => client.RegisterFunctionAsync(Process(name, "/bin/cat") with
        {
            Destinations = new() { OnSuccess = new() { Function = "x", Chain = "y" } },
        }));

        Assert.Equal(400, missing.Status);
        Assert.Equal(["destinations.onFailure.chain"], missing.Problem!.Errors.Keys);
        Assert.Equal(400, both.Status);
        Assert.Equal(["destinations.onSuccess"], both.Problem!.Errors.Keys);
        Assert.True((await Assert.ThrowsAsync<FaasRequestException>(() => client.GetFunctionAsync(name))).IsNotFound);
    }

    /// <summary>The task once its outcome got through to its destination.</summary>
    private static async Task<DestinationHandover> HandedOver(FaasClient client, Guid taskId) =>
        (await Poll.UntilAsync(
            () => client.GetTaskAsync(taskId), t => t.Destination is { Status: DestinationState.Delivered }, Patience, "the outcome to reach its destination"))
        .Destination!;

    private async Task<JsonArray> Executions(string function) =>
        (await platform.Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={function}"))!;
}
