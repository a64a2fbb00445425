using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Batches;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>A silo stopped with SIGTERM while it retries a callback stops at once, and the cluster goes on delivering it.</summary>
public sealed class CallbackHandoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PromptStop = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_sigterm_during_a_retried_callback_stops_the_silo_promptly_and_another_silo_delivers_it()
    {
        await using var receiver = new CallbackReceiver { Otherwise = HttpStatusCode.ServiceUnavailable };
        await using var cluster = await LabCluster.Create(settings: new Dictionary<string, string>
        {
            [CallbackReceiver.LoopbackAllowed.Key] = CallbackReceiver.LoopbackAllowed.Value,
            ["Faas__Callbacks__FirstRetryDelay"] = "00:00:00.500",
            ["Faas__Callbacks__MaxRetryDelay"] = "00:00:01",
            ["Faas__Callbacks__ResumeEvery"] = "00:00:02",
        });
        await cluster.Start(["handover-a", "handover-b"]);
        var http = cluster.Gateway!.Http;
        var name = UniqueName("handover");
        await http.RegisterOk(Cat(name));
        using var invoked = await http.PostAsync($"/v1/functions/{name}/invocations?callbackUrl={Uri.EscapeDataString(receiver.Url)}", new StringContent("x"));
        var taskId = (await invoked.Json())["taskId"]!.GetValue<string>();

        await receiver.Next(Patience);
        var victim = await DeliveringSilo(cluster, receiver.Url);
        var stopping = Stopwatch.StartNew();
        await victim.Stop();
        var stopTook = stopping.Elapsed;
        var stoppedAt = DateTimeOffset.UtcNow;
        receiver.Otherwise = HttpStatusCode.OK;

        output.WriteLine($"{victim.Name} stopped {stopTook.TotalSeconds:F1} s after SIGTERM");
        Assert.True(stopTook < PromptStop, $"{victim.Name} took {stopTook} to stop:\n{victim.LogTail()}");
        Assert.Equal(0, victim.ExitCode);
        await Poll.UntilAsync(
            async () => (await http.GetFromJsonAsync<JsonObject>($"/v1/tasks/{taskId}"))!["callback"], callback => callback?["status"]?.GetValue<string>() == "DELIVERED",
            Patience, "the callback to be delivered after its silo stopped");
        CallbackReceiver.Received delivered;
        do delivered = await receiver.Next(Patience);
        while (delivered.Answer != HttpStatusCode.OK);
        Assert.True(delivered.At > stoppedAt, "the callback was delivered before its silo stopped");
    }

    /// <summary>The silo whose log says it was refused by the receiver: the one that holds the delivery.</summary>
    private static async Task<Hosting.FaasProcess> DeliveringSilo(LabCluster cluster, string url) =>
        (await Poll.UntilAsync(
            () => Task.FromResult(cluster.Silos.Where(s => File.ReadLines(s.LogPath).Any(line => line.Contains(url))).ToList()),
            delivering => delivering.Count == 1, Patience, $"one silo to log the callback to {url}"))[0];
}
