using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>Triggers through real HTTP and a real silo process: a schedule that fires, shows its status and stops; bad definitions refused.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class TriggerHttpTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_schedule_fires_every_second_once_each_shows_its_status_is_listed_and_is_gone_once_deleted()
    {
        var function = UniqueName("tick-cat");
        await Http.RegisterOk(Cat(function));
        var name = UniqueName("tick");
        var definition = new { name, function, schedule = "* * * * * *", input = "tick" };

        using var created = await Http.PostAsJsonAsync("/v1/triggers", definition);
        using var again = await Http.PostAsJsonAsync("/v1/triggers", definition);

        Assert.True(created.StatusCode == HttpStatusCode.Created, await Describe(created));
        Assert.Equal($"/v1/triggers/{name}", created.Headers.Location?.OriginalString);
        Assert.True(again.StatusCode == HttpStatusCode.OK, await Describe(again));
        var shown = await created.Json();
        Assert.Equal((name, function, "UTC", "one", "tick"), (Text(shown, "name"), Text(shown, "function"), Text(shown, "timeZone"), Text(shown, "catchUp"), Text(shown, "input")));
        Assert.Contains((await Http.GetFromJsonAsync<JsonArray>("/v1/triggers"))!, t => Text(t!.AsObject(), "name") == name);

        var trigger = await Poll.UntilAsync(async () => (await Http.GetFromJsonAsync<JsonObject>($"/v1/triggers/{name}"))!, t => Status(t)["fired"]!.GetValue<int>() >= 3,
            Patience, "the trigger to fire three times");
        var status = Status(trigger);
        var recent = status["recent"]!.AsArray().Select(f => f!.AsObject()).ToList();
        var due = recent.Select(f => f["dueAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.All(due.Zip(due.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Second - pair.First));
        Assert.Equal(recent.Count, recent.Select(f => Text(f, "taskId")).Distinct().Count());
        Assert.Equal(Text(recent[^1], "taskId"), Text(status["lastFiring"]!.AsObject(), "taskId"));
        Assert.True(status["nextFiringAt"]!.GetValue<DateTimeOffset>() > due[^1]);
        Assert.Equal((0, 0), (status["failed"]!.GetValue<int>(), status["skipped"]!.GetValue<int>()));
        Assert.False(string.IsNullOrEmpty(status["host"]?.GetValue<string>()));
        foreach (var firing in recent)
        {
            var task = await Http.WaitForTask(Text(firing, "taskId"));
            Assert.Equal("COMPLETED", Text(task, "status"));
            Assert.Equal("tick", await Http.GetStringAsync($"/v1/tasks/{Text(firing, "taskId")}/result"));
        }

        using var deleted = await Http.DeleteAsync($"/v1/triggers/{name}");
        using var gone = await Http.GetAsync($"/v1/triggers/{name}");
        using var deletedAgain = await Http.DeleteAsync($"/v1/triggers/{name}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await gone.AssertProblem(HttpStatusCode.NotFound);
        await deletedAgain.AssertProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await Http.GetFromJsonAsync<JsonArray>("/v1/triggers"))!, t => Text(t!.AsObject(), "name") == name);
    }

    [Fact]
    public async Task A_bad_definition_is_a_400_naming_its_field_and_creates_nothing()
    {
        var function = UniqueName("trig-bad");
        await Http.RegisterOk(Cat(function));
        var mqtt = new { url = "mqtt://broker:1883", topic = "lab/+/temp", qos = 1 };
        (string Field, Func<string, object> Body)[] cases =
        [
            ("schedule", name => new { name, function, schedule = "*/2 * * *  * * *" }),
            ("schedule", name => new { name, function }),
            ("schedule", name => new { name, function, schedule = "* * * * * *", mqtt }),
            ("function", name => new { name, function = UniqueName("nobody"), schedule = "* * * * * *" }),
            ("timeZone", name => new { name, function, schedule = "* * * * * *", timeZone = "Mars/Olympus_Mons" }),
            ("catchUp", name => new { name, function, schedule = "* * * * * *", catchUp = "sometimes" }),
            ("timeZone", name => new { name, function, mqtt, timeZone = "UTC" }),
            ("mqtt.url", name => new { name, function, mqtt = mqtt with { url = "http://broker:1883" } }),
            ("mqtt.topic", name => new { name, function, mqtt = mqtt with { topic = "lab/#/temp" } }),
            ("mqtt.topic", name => new { name, function, mqtt = mqtt with { topic = "lab/te+mp" } }),
            ("mqtt.qos", name => new { name, function, mqtt = mqtt with { qos = 3 } }),
            ("mqtt.passwordSecret", name => new { name, function, mqtt = new { mqtt.url, mqtt.topic, mqtt.qos, passwordSecret = UniqueName("no-secret") } }),
        ];

        foreach (var (field, body) in cases)
        {
            var name = UniqueName("bad-trigger");
            using var refused = await Http.PostAsJsonAsync("/v1/triggers", body(name));
            var problem = await refused.AssertProblem(HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]?[field] is not null, $"{field}: {problem.ToJsonString()}");
            using var missing = await Http.GetAsync($"/v1/triggers/{name}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    private static JsonObject Status(JsonObject trigger) => trigger["status"]!.AsObject();

    private static string Text(JsonObject json, string field) => json[field]!.GetValue<string>();
}
