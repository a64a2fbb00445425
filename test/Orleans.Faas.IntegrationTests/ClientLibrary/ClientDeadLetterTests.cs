using System.Text;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>An app's retry policy and dead letters through the client library, over real HTTP.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientDeadLetterTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task A_failed_task_is_read_as_a_dead_letter_replayed_and_another_deleted()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-dead");
        var retry = new FunctionRetry { MaxAttempts = 2, BackoffSeconds = 0.1, On = new RetryConditions { ExitCodes = [3] } };
        var registered = await client.RegisterFunctionAsync(Process(name, "/bin/sh", "-c", "cat > /dev/null; exit 3") with { Retry = retry });
        Assert.Equal(retry.MaxAttempts, registered.Function.Retry!.MaxAttempts);
        Assert.Equal([3], registered.Function.Retry.On!.ExitCodes!);

        var failed = new List<FaasTask>();
        foreach (var input in new[] { "first", "second" })
        {
            var operation = await client.StartInvocationAsync(name, Encoding.UTF8.GetBytes(input));
            failed.Add(await operation.WaitForCompletionAsync());
        }

        Assert.All(failed, t => Assert.Equal([TaskState.Failed, TaskState.Failed], t.Runs.Select(r => r.Status)));
        var letters = await client.GetDeadLettersAsync(name, pageSize: 1).ToListAsync();
        Assert.Equal(failed.Select(t => t.Id).Reverse(), letters.Select(l => l.Id));
        Assert.All(letters, l => Assert.Null(l.Input));
        var first = await client.GetDeadLetterAsync(name, failed[0].Id);
        Assert.Equal("first", Encoding.UTF8.GetString(first.Input!));
        Assert.Equal(2, first.Runs.Count);

        await client.RegisterFunctionAsync(Process(name, "/bin/cat"));
        var replay = await client.ReplayDeadLetterAsync(name, failed[0].Id);
        Assert.Equal("first", Encoding.UTF8.GetString(await client.GetInvocationOperation(replay.TaskId).GetResultAsync()));
        await client.DeleteDeadLetterAsync(name, failed[1].Id);

        Assert.Empty(await client.GetDeadLettersAsync(name).ToListAsync());
        Assert.Empty(await client.ReplayDeadLettersAsync(name));
        var missing = await Assert.ThrowsAsync<FaasRequestException>(() => client.GetDeadLetterAsync(name, failed[1].Id));
        Assert.True(missing.IsNotFound, missing.Message);
    }
}
