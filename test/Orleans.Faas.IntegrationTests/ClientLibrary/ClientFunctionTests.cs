using System.Text;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>An app registering, invoking and following functions through the client library, over real HTTP.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientFunctionTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task A_function_is_registered_once_for_the_same_definition_listed_read_and_deleted()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-crud");
        var definition = Process(name, "/usr/bin/tr", "a-z", "A-Z") with { Env = new Dictionary<string, string> { ["MODE"] = "loud" }, TimeoutSeconds = 10 };

        var first = await client.RegisterFunctionAsync(definition);
        var again = await client.RegisterFunctionAsync(definition);
        var changed = await client.RegisterFunctionAsync(definition with { TimeoutSeconds = 20 });

        Assert.True(first.Created);
        Assert.Equal(1, first.Function.Version);
        Assert.False(again.Created);
        Assert.Equal(1, again.Function.Version);
        Assert.True(changed.Created);
        Assert.Equal(2, changed.Function.Version);
        // Passing a registered version back registers the definition it holds.
        Assert.False((await client.RegisterFunctionAsync(changed.Function)).Created);

        var read = await client.GetFunctionAsync(name);
        Assert.Equal(FunctionRuntime.Process, read.Runtime);
        Assert.Equal(["/usr/bin/tr", "a-z", "A-Z"], read.Command);
        Assert.Equal("loud", read.Env!["MODE"]);
        Assert.Equal(20, read.TimeoutSeconds);
        Assert.Equal(3, read.MaxAttempts);
        Assert.Contains(await client.ListFunctionsAsync(), f => f.Name == name);

        await client.DeleteFunctionAsync(name);
        var gone = await Assert.ThrowsAsync<FaasRequestException>(() => client.GetFunctionAsync(name));
        Assert.True(gone.IsNotFound);
        Assert.Equal("Unknown function.", gone.Problem!.Title);
    }

    [Fact]
    public async Task An_invalid_definition_throws_with_each_field_s_error()
    {
        var (client, _) = For(platform);

        var error = await Assert.ThrowsAsync<FaasRequestException>(() =>
            client.RegisterFunctionAsync(new FunctionDefinition { Name = "Bad Name", Runtime = FunctionRuntime.Docker, Cpu = -1 }));

        Assert.Equal(400, error.Status);
        Assert.Contains("name", error.Problem!.Errors.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("cpu", error.Problem.Errors.Keys, StringComparer.OrdinalIgnoreCase);
        // The message alone says what to fix, field by field.
        Assert.Contains("name: Name must be", error.Message);
        Assert.Contains("cpu: CPU must be", error.Message);
    }

    [Fact]
    public async Task Invoking_returns_the_output_as_bytes_or_as_a_stream()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-upper");
        await client.RegisterFunctionAsync(Process(name, "/usr/bin/tr", "a-z", "A-Z"));

        var bytes = await client.InvokeAsync(name, Encoding.UTF8.GetBytes("quiet please"));
        await using var stream = await client.InvokeAsync(name, new MemoryStream(Encoding.UTF8.GetBytes("streamed")));
        using var reader = new StreamReader(stream);

        Assert.Equal("QUIET PLEASE", Encoding.UTF8.GetString(bytes));
        Assert.Equal("STREAMED", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task A_failing_function_throws_with_its_task_and_reason_and_an_unknown_one_is_not_found()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-false");
        await client.RegisterFunctionAsync(Process(name, "/bin/false"));

        var failed = await Assert.ThrowsAsync<FaasRequestException>(() => client.InvokeAsync(name, ReadOnlyMemory<byte>.Empty));
        var unknown = await Assert.ThrowsAsync<FaasRequestException>(() => client.InvokeAsync(UniqueName("nobody"), ReadOnlyMemory<byte>.Empty));

        Assert.Equal(502, failed.Status);
        Assert.True(failed.IsFunctionFailure);
        Assert.Equal("exit code", failed.Problem!.FailureReason);
        var task = await client.GetTaskAsync(failed.Problem.TaskId!.Value);
        Assert.Equal(TaskState.Failed, task.Status);
        Assert.Equal(1, task.ExitCode);
        Assert.True(unknown.IsNotFound);
        Assert.False(unknown.IsFunctionFailure);
    }

    [Fact]
    public async Task An_operation_waits_for_its_task_with_long_polls_instead_of_busy_polling()
    {
        var (client, log) = For(platform);
        var name = UniqueName("client-slow");
        await client.RegisterFunctionAsync(Process(name, "/bin/sh", "-c", "sleep 3; echo done; echo note >&2"));

        var operation = await client.StartInvocationAsync(name, ReadOnlyMemory<byte>.Empty);
        Assert.False(operation.HasCompleted);
        var task = await operation.WaitForCompletionAsync();

        Assert.Equal(TaskState.Completed, task.Status);
        Assert.True(operation.HasCompleted);
        // A 3 s run is one held-open read (two if it was placed only after the first began); a poll every 100 ms would be 30.
        Assert.InRange(log.Count(HttpMethod.Get, $"/v1/tasks/{operation.Id}"), 1, 2);
        Assert.Equal("done\n", Encoding.UTF8.GetString(await operation.GetResultAsync()));
        Assert.Contains("note", await operation.GetLogsAsync());
        Assert.NotNull(task.Metrics);
        Assert.Equal(platform.Silo.Name, task.Provider);
    }

    [Fact]
    public async Task Cancelling_fails_the_task_as_cancelled_and_a_second_cancel_is_a_conflict()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-cancel");
        await client.RegisterFunctionAsync(Process(name, "/bin/sleep", "30"));

        var operation = await client.StartInvocationAsync(name, ReadOnlyMemory<byte>.Empty);
        var cancelled = await operation.CancelAsync();
        var again = await Assert.ThrowsAsync<FaasRequestException>(() => operation.CancelAsync());
        var result = await Assert.ThrowsAsync<FaasRequestException>(() => operation.GetResultAsync());

        Assert.Equal(TaskState.Failed, cancelled.Status);
        Assert.Equal("cancelled", cancelled.FailureReason);
        Assert.Equal(409, again.Status);
        Assert.Equal(409, result.Status);
        Assert.Equal("cancelled", result.Problem!.FailureReason);
        Assert.Equal(operation.Id, client.GetInvocationOperation(operation.Id).Id);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_status_zero_after_the_retries()
    {
        var client = new FaasClient(new Uri($"http://127.0.0.1:{FreePorts.Next()}"), new FaasClientOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) });

        var error = await Assert.ThrowsAsync<FaasRequestException>(() => client.ListFunctionsAsync());

        Assert.True(error.IsUnreachable);
        Assert.IsType<HttpRequestException>(error.InnerException, exactMatch: false);
    }
}
