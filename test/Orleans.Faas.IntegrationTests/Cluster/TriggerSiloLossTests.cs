using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>
/// A schedule on a three-silo cluster with PostgreSQL state, while the silo holding the trigger is SIGKILLed twice:
/// every tick fires, each once; those around a kill late, none doubled, none lost.
/// </summary>
public sealed class TriggerSiloLossTests(ITestOutputHelper output)
{
    private const int EverySeconds = 2;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_schedule_every_2_s_fires_each_tick_exactly_once_while_the_silo_holding_it_is_killed_twice()
    {
        await using var cluster = await LabCluster.Create();
        // The trigger's reminder wakes it on another silo this soon after its silo is declared dead.
        await cluster.Start(["lab-a", "lab-b", "lab-c"], new Dictionary<string, string>
        {
            ["Faas__Triggers__KeepAliveEvery"] = "00:00:05",
            ["Faas__Triggers__RecentFirings"] = "1000",
        });
        var http = cluster.Gateway!.Http;
        var function = UniqueName("tick-cat");
        await http.RegisterOk(Cat(function));
        var name = UniqueName("tick");
        // No catch-up: a time it fires late is fired because it is within the handover, not because of catchUp.
        using (var created = await http.PostAsJsonAsync("/v1/triggers", new { name, function, schedule = $"*/{EverySeconds} * * * * *", catchUp = "none", input = "tick" }))
            Assert.True(created.IsSuccessStatusCode, await Describe(created));
        var clock = Stopwatch.StartNew();
        var first = await FiredAtLeast(http, name, 3);
        var start = FirstDue(first);

        var victims = new List<string>();
        for (var kill = 0; kill < 2; kill++)
        {
            var holder = Host(await Poll.UntilAsync(() => Trigger(http, name), t => Host(t) != "", Patience, "the trigger's silo"));
            await cluster.Silos.Single(s => s.Name == holder).Kill();
            victims.Add(holder);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed {holder}, the trigger's silo");
            // Fired again on another silo, and for a while there, before the next kill.
            var moved = await Poll.UntilAsync(() => Trigger(http, name), t => Host(t) != holder && Fired(t) >= Fired(first) + 5, Patience,
                $"the trigger to fire again away from {holder}");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: firing on {Host(moved)}");
            first = moved;
        }
        var trigger = await Poll.UntilAsync(() => Trigger(http, name), t => LastDue(t) >= start + Duration, Patience, "the trigger to fire through the whole minute");
        using (var deleted = await http.DeleteAsync($"/v1/triggers/{name}"))
            Assert.True(deleted.IsSuccessStatusCode, await Describe(deleted));

        var firings = trigger["status"]!["recent"]!.AsArray().Select(f => f!.AsObject()).ToList();
        var due = firings.Select(f => f["dueAt"]!.GetValue<DateTimeOffset>()).ToList();
        var taskIds = firings.Select(f => f["taskId"]!.GetValue<string>()).ToList();
        var late = firings.Select(f => f["firedAt"]!.GetValue<DateTimeOffset>() - f["dueAt"]!.GetValue<DateTimeOffset>()).ToList();
        var expected = Enumerable.Range(0, due.Count).Select(i => start + TimeSpan.FromSeconds(EverySeconds * i)).ToList();
        Assert.Equal(expected, due);
        Assert.True(due[^1] >= start + Duration, $"fired through {due[^1]:O}, not a whole minute after {start:O}");
        Assert.Equal(due.Count, trigger["status"]!["fired"]!.GetValue<int>());
        Assert.Equal(0, trigger["status"]!["skipped"]!.GetValue<int>());
        Assert.Equal(0, trigger["status"]!["failed"]!.GetValue<int>());
        Assert.Equal(due.Count, taskIds.Distinct().Count());

        var tasks = await http.WaitForAll(taskIds, Patience);
        Assert.All(tasks.Values, t => Assert.Equal("COMPLETED", t["status"]!.GetValue<string>()));
        // The history holds the tasks of the ticks and no other: a tick fired twice would have made a second task.
        var ran = (await http.Executions(function)).Select(e => e!["taskId"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(taskIds.ToHashSet(), ran);
        output.WriteLine($"{due.Count} ticks from {start:HH:mm:ss} to {due[^1]:HH:mm:ss}, {ran.Count} tasks; killed {string.Join(", ", victims)}; "
            + $"latest firing {late.Max().TotalSeconds:F1} s after its time, {late.Count(l => l > TimeSpan.FromSeconds(EverySeconds))} ticks later than a period");
    }

    private static Task<JsonObject> FiredAtLeast(HttpClient http, string name, int count) =>
        Poll.UntilAsync(() => Trigger(http, name), t => Fired(t) >= count, Patience, $"the trigger to fire {count} times");

    /// <summary>The trigger as the gateway shows it, asking again while the cluster answers with an error.</summary>
    private static async Task<JsonObject> Trigger(HttpClient http, string name)
    {
        using var response = await http.GetAsync($"/v1/triggers/{name}");
        return response.IsSuccessStatusCode ? await response.Json() : new JsonObject { ["status"] = new JsonObject { ["fired"] = -1 } };
    }

    private static int Fired(JsonObject trigger) => trigger["status"]!["fired"]!.GetValue<int>();

    /// <summary>The silo the trigger is on; empty when the gateway could not say.</summary>
    private static string Host(JsonObject trigger) => trigger["status"]!["host"]?.GetValue<string>() ?? "";

    private static DateTimeOffset FirstDue(JsonObject trigger) => trigger["status"]!["recent"]![0]!["dueAt"]!.GetValue<DateTimeOffset>();

    private static DateTimeOffset LastDue(JsonObject trigger) =>
        trigger["status"]!["lastFiring"]?["dueAt"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.MinValue;
}
