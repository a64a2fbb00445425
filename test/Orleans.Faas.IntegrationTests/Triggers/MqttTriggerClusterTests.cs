using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Cluster;
using Orleans.Faas.IntegrationTests.Hosting;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Triggers;

/// <summary>
/// An MQTT trigger on a three-silo cluster and a real mosquitto: at least once from the broker to a stored task, one
/// task per message, through the SIGKILL of the subscribing silo and a restart of the broker, with every result published.
/// </summary>
public sealed class MqttTriggerClusterTests(ITestOutputHelper output)
{
    private const int Chunks = 10;
    private const int PerChunk = 100;
    private const int Messages = Chunks * PerChunk;

    /// <summary>After this many chunks the subscribing silo is killed, after this many more the broker restarts.</summary>
    private const int KillAfter = 3, RestartAfter = 6;

    private static readonly TimeSpan Drain = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_thousand_qos1_messages_published_through_a_silo_kill_and_a_broker_restart_make_a_thousand_completed_tasks_and_results()
    {
        await using var broker = await MosquittoBroker.Start();
        await using var cluster = await LabCluster.Create(settings: new Dictionary<string, string>
        {
            ["Faas__Triggers__KeepAliveEvery"] = "00:00:05",
            ["Faas__Triggers__Mqtt__FirstReconnectDelay"] = "00:00:00.200",
            ["Faas__Triggers__Mqtt__MaxReconnectDelay"] = "00:00:02",
        });
        await cluster.Start(["mqtt-a", "mqtt-b", "mqtt-c"]);
        var http = cluster.Gateway!.Http;
        var function = UniqueName("ingest");
        await http.RegisterOk(new { name = function, runtime = "process", command = new[] { "/bin/cat" }, timeoutSeconds = 5 });
        var resultTopic = $"results/{function}";
        using var results = await TopicReader.Start(broker, resultTopic);
        var trigger = UniqueName("sensor");
        using (var created = await http.PostAsJsonAsync("/v1/triggers", new
        {
            name = trigger, function, mqtt = new { url = broker.Url, topic = "lab/+/temp", qos = 1, resultTopic },
        }))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await Describe(created));
        }
        await Connected(http, trigger);
        var subscriber = SubscribingSilo(cluster, broker);

        for (var chunk = 0; chunk < Chunks; chunk++)
        {
            await Publish(broker, chunk);
            if (chunk == KillAfter - 1)
            {
                output.WriteLine($"killing {subscriber.Name}, the subscribing silo, after {(chunk + 1) * PerChunk} messages; {results.Lines.Count - 1} results so far");
                await subscriber.Kill();
            }
            if (chunk == RestartAfter - 1)
            {
                output.WriteLine($"restarting the broker after {(chunk + 1) * PerChunk} messages; {results.Lines.Count - 1} results so far");
                await broker.Restart();
            }
        }

        List<string> published;
        try
        {
            published = await Poll.UntilAsync(
                () => Task.FromResult(Payloads(results.Lines)), seen => seen.Distinct().Count() == Messages, Drain, "a result for every message");
        }
        finally
        {
            Diagnose(cluster, broker, await http.GetStringAsync($"/v1/triggers/{trigger}"));
        }
        var tasks = await Tasks(http, function);
        var inputs = new List<string>();
        foreach (var taskId in tasks)
            inputs.Add(PayloadOf(await http.Result(taskId)));
        var status = (await http.GetFromJsonAsync<JsonObject>($"/v1/triggers/{trigger}"))!["status"]!;

        output.WriteLine($"{tasks.Count} tasks, {published.Count} results ({published.Count - published.Distinct().Count()} published twice); status: {status.ToJsonString()}");
        Assert.Equal(Messages, tasks.Count);
        Assert.Equal(Messages, inputs.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Messages).Select(Message).Order(), inputs.Order());
        Assert.True(status["connection"]!["connected"]!.GetValue<bool>(), status.ToJsonString());
    }

    /// <summary>What the subscription's silos said, for a run that did not go as it should.</summary>
    private void Diagnose(LabCluster cluster, MosquittoBroker broker, string trigger)
    {
        output.WriteLine($"trigger: {trigger}");
        foreach (var silo in cluster.Silos)
        {
            foreach (var line in File.ReadLines(silo.LogPath).Where(line => line.Contains("MQTT") || line.Contains("Exception")).TakeLast(30))
                output.WriteLine($"{silo.Name}: {line}");
        }
        foreach (var line in File.ReadLines(broker.LogPath).Where(line => !line.Contains("PUBLISH") && !line.Contains("PUBACK")).TakeLast(40))
            output.WriteLine($"broker: {line}");
    }

    /// <summary>One chunk through mosquitto_pub at QoS 1, each line a message: it ends once the broker acknowledged every one.</summary>
    private static async Task Publish(MosquittoBroker broker, int chunk)
    {
        var lines = string.Join('\n', Enumerable.Range(chunk * PerChunk, PerChunk).Select(Message)) + "\n";
        var run = await Programs.Run("mosquitto_pub", ["-h", "127.0.0.1", "-p", broker.Port.ToString(), "-q", "1", "-t", $"lab/s{chunk}/temp", "-l"], lines);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private static string Message(int n) => $"{{\"sensor\":{n / PerChunk},\"n\":{n}}}";

    /// <summary>The payload a result (the function echoes its input) carries, as published; lines that are no result (the reader's probe) are left out.</summary>
    private static List<string> Payloads(IEnumerable<string> lines) =>
        [.. lines.Where(line => line.StartsWith('{')).Select(PayloadOf)];

    private static string PayloadOf(string input) => JsonNode.Parse(input)!["payload"]!.ToJsonString(new JsonSerializerOptions());

    private static async Task Connected(HttpClient http, string trigger) =>
        await Poll.UntilAsync(
            async () => (await http.GetFromJsonAsync<JsonObject>($"/v1/triggers/{trigger}"))!["status"]!["connection"],
            connection => connection?["connected"]?.GetValue<bool>() == true, Patience, "the trigger to connect");

    /// <summary>The silo whose log says it connected to the broker: the one that holds the subscription.</summary>
    private static FaasProcess SubscribingSilo(LabCluster cluster, MosquittoBroker broker) =>
        cluster.Silos.Single(s => File.ReadLines(s.LogPath).Any(line => line.Contains($"MQTT {broker.Url}: connected")));

    /// <summary>The function's completed tasks, from its execution history, page by page.</summary>
    private static async Task<List<string>> Tasks(HttpClient http, string function)
    {
        var tasks = new HashSet<string>();
        string? next = $"/v1/executions?function={function}&limit=1000";
        while (next is not null)
        {
            using var page = await http.GetAsync(next);
            Assert.True(page.IsSuccessStatusCode, await Describe(page));
            foreach (var record in (await page.Content.ReadFromJsonAsync<JsonArray>())!)
            {
                if (record!["status"]!.GetValue<string>() == "COMPLETED")
                    tasks.Add(record["taskId"]!.GetValue<string>());
            }
            next = page.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<') : null;
        }
        return [.. tasks];
    }
}
