using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Orleans.Faas.IntegrationTests.Hosting;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>Two silos and a gateway on a PostgreSQL of their own, which is stopped for ten seconds while tasks come in and run.</summary>
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    private const int Submissions = 200;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Every_acknowledged_task_ends_correctly_and_only_unacknowledged_submissions_get_errors()
    {
        await using var postgres = await PostgresServer.Start();
        await using var cluster = await LabCluster.Create(postgres.ConnectionString);
        await cluster.Start(["store-a", "store-b"], new Dictionary<string, string> { ["Faas__Worker__Slots"] = "4" });
        var http = cluster.Gateway!.Http;
        var name = UniqueName("outage");
        await http.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/sh", "-c", "sleep 0.5; cat" }, timeoutSeconds = 30 });

        var accepted = new ConcurrentDictionary<string, string>();
        var refused = new ConcurrentQueue<HttpStatusCode>();
        var submitting = Task.Run(async () =>
        {
            for (var i = 0; i < Submissions; i++)
            {
                var input = $"input-{i:D3}";
                using var response = await http.InvokeAsync(name, input);
                if (response.StatusCode == HttpStatusCode.Accepted)
                    accepted[(await response.Json())["taskId"]!.GetValue<string>()] = input;
                else
                {
                    await response.AssertProblem(response.StatusCode);
                    Assert.True(response.Headers.RetryAfter is not null, await Describe(response));
                    refused.Enqueue(response.StatusCode);
                }
                await Task.Delay(Pace);
            }
        });
        await Poll.UntilAsync(() => accepted.Count >= Submissions / 4 || submitting.IsCompleted, Patience, $"{Submissions / 4} submissions to be accepted before the outage");
        Assert.True(accepted.Count >= Submissions / 4, $"only {accepted.Count} submissions were accepted before the outage");

        var acceptedBefore = accepted.Count;
        await postgres.Stop();
        await Task.Delay(Outage);
        await postgres.Resume();
        var sinceBack = Stopwatch.StartNew();
        await submitting;

        var finished = await http.WaitForAll(accepted.Keys, TimeSpan.FromMinutes(4));
        var allDone = sinceBack.Elapsed;
        var wrong = new List<string>();
        foreach (var (id, input) in accepted)
        {
            if (finished[id]["status"]!.GetValue<string>() != "COMPLETED" || await http.Result(id) != input)
                wrong.Add($"{id}: {finished[id].ToJsonString()}");
        }
        var attempts = finished.Values.Sum(t => t["attempts"]!.GetValue<int>());

        output.WriteLine($"{Submissions} submissions, {accepted.Count} acknowledged ({acceptedBefore} before the outage), " +
            $"refused: {(refused.IsEmpty ? "none" : string.Join(", ", refused.GroupBy(s => s).Select(g => $"{g.Count()} × {(int)g.Key}")))}; " +
            $"{accepted.Count - wrong.Count} completed with the right output, {wrong.Count} not; {attempts - accepted.Count} attempts re-run; " +
            $"all done {allDone.TotalSeconds:F1} s after PostgreSQL was back.");
        Assert.Empty(wrong);
        Assert.Equal(Submissions, accepted.Count + refused.Count);
        Assert.All(refused, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
    }
}
