using System.Text;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>Batches and callbacks through the client library: start, wait on the long poll, page the items, read the secret.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientBatchTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task A_batch_is_started_waited_for_and_its_items_paged_in_input_order_text_and_bytes_alike()
    {
        var (client, log) = For(platform);
        var name = UniqueName("client-batch");
        var registration = await client.RegisterFunctionAsync(Process(name, "/bin/cat"));
        byte[][] inputs = [.. Enumerable.Range(0, 25).Select(i => Encoding.UTF8.GetBytes($"item {i}")), [0xff, 0x01]];

        var batch = await client.StartBatchAsync(name, inputs.Select(i => (ReadOnlyMemory<byte>)i));
        var finished = await batch.WaitForCompletionAsync();
        var items = await batch.GetItemsAsync(pageSize: 7).ToListAsync();

        Assert.True(finished.Finished);
        Assert.Equal(BatchStatus.Finished, finished.Status);
        Assert.Equal(26, finished.Counts.Completed);
        Assert.Equal(inputs, items.Select(i => i.OutputBytes()!));
        Assert.Equal("base64", items[^1].OutputEncoding);
        Assert.True(log.Count(HttpMethod.Get, $"/v1/batches/{batch.Id}") >= 4, "26 items in pages of 7 are four reads");
        Assert.Equal(registration.CallbackSecret, await client.GetCallbackSecretAsync(name));
        Assert.Equal(64, registration.CallbackSecret!.Length);
        var task = await client.GetTaskAsync(items[3].TaskId);
        Assert.Equal(new TaskBatch(batch.Id, 3), task.Batch);
    }

    [Fact]
    public async Task Text_inputs_and_a_callback_url_go_with_the_batch()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-batch-cb");
        await client.RegisterFunctionAsync(Process(name, "/bin/cat"));
        await using var receiver = new Batches.CallbackReceiver();

        var batch = await client.StartBatchAsync(name, ["one", "two"], new InvocationOptions { CallbackUrl = receiver.Url });
        await receiver.Next(TimeSpan.FromSeconds(60));
        var finished = await batch.WaitForCompletionAsync();

        Assert.Equal(["one", "two"], await batch.GetItemsAsync().Select(i => i.Output!).ToListAsync());
        Assert.Equal(receiver.Url, finished.Callback?.Url);
    }
}
