using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Batches;

/// <summary>Callbacks over real HTTP: signed with the function's secret, retried after a refusal, their delivery shown on the task and batch.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class CallbackTests(EmbeddedPlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_task_callback_refused_with_500_is_retried_and_arrives_signed_with_the_functions_secret()
    {
        await using var receiver = new CallbackReceiver(HttpStatusCode.InternalServerError);
        var name = UniqueName("callback-task");
        var secret = await RegisterWithSecret(name);

        using var invoked = await Http.PostAsync($"/v1/functions/{name}/invocations?callbackUrl={Uri.EscapeDataString(receiver.Url + "done")}", new StringContent("ring"));
        Assert.Equal(HttpStatusCode.Accepted, invoked.StatusCode);
        var taskId = (await invoked.Json())["taskId"]!.GetValue<string>();

        var refused = await receiver.Next(Patience);
        var delivered = await receiver.Next(Patience);

        Assert.Equal(HttpStatusCode.InternalServerError, refused.Answer);
        Assert.Equal("/done", delivered.Path);
        Assert.True(CallbackSignature.IsValid(secret, delivered.Timestamp, delivered.Signature, delivered.Body), $"{delivered.Timestamp} {delivered.Signature}");
        Assert.False(CallbackSignature.IsValid("another secret", delivered.Timestamp, delivered.Signature, delivered.Body));
        Assert.False(CallbackSignature.IsValid(secret, delivered.Timestamp, delivered.Signature, [.. delivered.Body, (byte)' ']));
        Assert.True(delivered.At - refused.At >= TimeSpan.FromMilliseconds(300), "the retry waited for its backoff");
        var body = JsonNode.Parse(delivered.Body)!;
        Assert.Equal(taskId, body["id"]!.GetValue<string>());
        Assert.Equal("COMPLETED", body["status"]!.GetValue<string>());

        var task = await CallbackDelivered(taskId);
        Assert.Equal(2, task["callback"]!["attempts"]!.GetValue<int>());
        Assert.Equal(receiver.Url + "done", task["callback"]!["url"]!.GetValue<string>());
        Assert.NotNull(task["callback"]!["deliveredAt"]);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_but_counted_as_a_failed_attempt()
    {
        await using var elsewhere = new CallbackReceiver();
        await using var receiver = new CallbackReceiver(HttpStatusCode.Found) { Location = elsewhere.Url };
        var name = UniqueName("callback-redirect");
        await RegisterWithSecret(name);

        using var invoked = await Http.PostAsync($"/v1/functions/{name}/invocations?callbackUrl={Uri.EscapeDataString(receiver.Url)}", new StringContent("x"));
        var taskId = (await invoked.Json())["taskId"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.Found, (await receiver.Next(Patience)).Answer);
        Assert.Equal(HttpStatusCode.OK, (await receiver.Next(Patience)).Answer);
        var task = await CallbackDelivered(taskId);
        Assert.Equal(2, task["callback"]!["attempts"]!.GetValue<int>());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => elsewhere.Next(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_batch_calls_back_once_every_task_finished_with_its_counts()
    {
        await using var receiver = new CallbackReceiver();
        var name = UniqueName("callback-batch");
        var secret = await RegisterWithSecret(name);

        var batchId = await Http.StartBatchAccepted(name, """["a", "b", "c"]""", query: $"?callbackUrl={Uri.EscapeDataString(receiver.Url)}");
        var delivered = await receiver.Next(Patience);

        Assert.True(CallbackSignature.IsValid(secret, delivered.Timestamp, delivered.Signature, delivered.Body));
        var body = JsonNode.Parse(delivered.Body)!;
        Assert.Equal(batchId, body["id"]!.GetValue<string>());
        Assert.True(body["finished"]!.GetValue<bool>());
        Assert.Equal(3, body["counts"]!["completed"]!.GetValue<int>());
        await Poll.UntilAsync(
            () => Http.Batch(batchId), batch => batch["callback"]?["status"]?.GetValue<string>() == "DELIVERED", Patience, "the batch to show its callback delivered");
    }

    [Fact]
    public async Task The_secret_is_kept_across_versions_and_readable_by_name_and_a_bad_callback_url_is_400()
    {
        var name = UniqueName("callback-secret");
        var first = await RegisterWithSecret(name);
        using var second = await Http.Register(new { name, runtime = "process", command = new[] { "/bin/cat", "-" } });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        Assert.Equal(first, (await second.Json())["callbackSecret"]!.GetValue<string>());
        Assert.Equal(first, (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/callback-secret"))!["callbackSecret"]!.GetValue<string>());
        Assert.Null((await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}"))!["callbackSecret"]);
        using (var relative = await Http.PostAsync($"/v1/functions/{name}/invoke?callbackUrl=/relative", new StringContent("x")))
            Assert.NotNull((await relative.AssertProblem(HttpStatusCode.BadRequest))["errors"]!["callbackUrl"]);
        using (var unknown = await Http.GetAsync($"/v1/functions/{UniqueName("nobody")}/callback-secret"))
            await unknown.AssertProblem(HttpStatusCode.NotFound);
    }

    private async Task<string> RegisterWithSecret(string name)
    {
        using var response = await Http.Register(Cat(name));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await Describe(response));
        var secret = (await response.Json())["callbackSecret"]!.GetValue<string>();
        Assert.Equal(64, secret.Length);
        return secret;
    }

    private Task<JsonObject> CallbackDelivered(string taskId) =>
        Poll.UntilAsync(
            async () => (await Http.GetFromJsonAsync<JsonObject>($"/v1/tasks/{taskId}"))!, task => task["callback"]?["status"]?.GetValue<string>() == "DELIVERED",
            Patience, $"task {taskId} to show its callback delivered");
}
