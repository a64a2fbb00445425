using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.Benchmarks.Measurement;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Faults;

/// <summary>
/// Submissions while silos are SIGKILLed: a steady stream of asynchronous invocations through a gateway of its own,
/// first with no faults (the baseline), then while scripts/bench.sh SIGKILLs a random silo, starts it again 5 s later,
/// and kills the next 25 s after that (it does so while the signal file exists). Each submission is sent once, as a user's first try, with an
/// Idempotency-Key; every accepted task is then checked for its output.
/// </summary>
public static class KillSoakBenchmark
{
    /// <summary>The bound for submissions that get an error while silos die.</summary>
    private const double TargetErrorRate = 0.001;

    public static Command Command(Option<Uri> gateway)
    {
        var seconds = new Option<int>("--seconds") { Description = "How long each phase submits", DefaultValueFactory = _ => 120 };
        var rate = new Option<int>("--rate") { Description = "Submissions per second", DefaultValueFactory = _ => 10 };
        var signal = new Option<string>("--signal-file") { Description = "Exists while silos are to be killed", Required = true };
        var command = new Command("kills", "Async submissions with no faults vs while a random silo is SIGKILLed about every 30 s") { gateway, seconds, rate, signal };
        command.SetAction(parsed => Run(parsed.GetValue(gateway)!, TimeSpan.FromSeconds(parsed.GetValue(seconds)), parsed.GetValue(rate), parsed.GetValue(signal)!));
        return command;
    }

    public static async Task Run(Uri gateway, TimeSpan phase, int rate, string signalFile)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
        var function = $"soak-{Guid.NewGuid():N}"[..20];
        (await http.PostAsJsonAsync("/v1/functions", new { name = function, runtime = "process", command = new[] { "/bin/cat" }, maxAttempts = 5 }))
            .EnsureSuccessStatusCode();

        var baseline = await Phase(http, function, "no faults (baseline)", phase, rate);
        File.WriteAllText(signalFile, "");
        SoakResult killed;
        try
        {
            killed = await Phase(http, function, "a random silo SIGKILLed about every 30 s", phase, rate);
        }
        finally
        {
            File.Delete(signalFile);
        }

        var table = new Table().Title($"Async submissions at {rate}/s for {phase.TotalSeconds:0} s each, 3 cluster silos, a gateway of its own")
            .AddColumns("phase", "submitted", "accepted", "completed right", "lost or wrong", "errors by status", "error rate", $"≤ {TargetErrorRate:P1}, none lost");
        foreach (var r in new[] { baseline, killed })
        {
            table.AddRow(r.Phase, r.Submitted.ToString(), r.Accepted.ToString(), r.CompletedRight.ToString(), r.Wrong.ToString(),
                r.Errors.IsEmpty ? "none" : string.Join(", ", r.Errors.OrderBy(e => e.Key).Select(e => $"{e.Value} × {e.Key}")),
                r.ErrorRate.ToString("P2"), Verdict.Of(r.ErrorRate <= TargetErrorRate && r.Wrong == 0));
        }
        ResultTable.Write(table);
        foreach (var example in killed.Examples.Take(5))
            Console.WriteLine($"e.g. {example}");
    }

    private static async Task<SoakResult> Phase(HttpClient http, string function, string name, TimeSpan length, int rate)
    {
        var accepted = new ConcurrentDictionary<string, string>();
        var errors = new ConcurrentDictionary<string, int>();
        var examples = new ConcurrentQueue<string>();
        var submissions = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < length; i++)
        {
            var input = $"{name[..2]}-{i:D6}";
            submissions.Add(Submit(http, function, input, accepted, errors, examples));
            var due = TimeSpan.FromSeconds((i + 1) / (double)rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
        }
        await Task.WhenAll(submissions);

        var wrong = 0;
        foreach (var (id, input) in accepted)
        {
            if (await OutputOf(http, id) != input)
                wrong++;
        }
        return new SoakResult(name, submissions.Count, accepted.Count, accepted.Count - wrong, wrong, errors, [.. examples]);
    }

    private static async Task Submit(HttpClient http, string function, string input, ConcurrentDictionary<string, string> accepted,
        ConcurrentDictionary<string, int> errors, ConcurrentQueue<string> examples)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/functions/{function}/invocations") { Content = new StringContent(input) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        try
        {
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted[(await response.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!.GetValue<string>()] = input;
                return;
            }
            errors.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, n) => n + 1);
            examples.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        catch (HttpRequestException e)
        {
            errors.AddOrUpdate("no answer", 1, (_, n) => n + 1);
            examples.Enqueue($"no answer: {e.Message}");
        }
    }

    /// <summary>The finished task's output; asks again while the cluster answers with an error or the task is unfinished.</summary>
    /// <returns>Null when the result cannot be read, or the task did not finish within five minutes.</returns>
    private static async Task<string?> OutputOf(HttpClient http, string taskId)
    {
        try
        {
            await Poll.UntilAsync(() => Finished(http, taskId), TimeSpan.FromMinutes(5), $"task {taskId} to finish", TimeSpan.FromMilliseconds(500));
        }
        catch (TimeoutException)
        {
            return null;
        }
        using var result = await http.GetAsync($"/v1/tasks/{taskId}/result");
        return result.IsSuccessStatusCode ? await result.Content.ReadAsStringAsync() : null;
    }

    private static async Task<bool> Finished(HttpClient http, string taskId)
    {
        try
        {
            using var response = await http.GetAsync($"/v1/tasks/{taskId}?waitSeconds=20");
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>() is "COMPLETED" or "FAILED";
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private sealed record SoakResult(string Phase, int Submitted, int Accepted, int CompletedRight, int Wrong, ConcurrentDictionary<string, int> Errors, string[] Examples)
    {
        public double ErrorRate => Submitted == 0 ? 0 : Errors.Values.Sum() / (double)Submitted;
    }
}
