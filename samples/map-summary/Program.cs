// Registers a function, maps it over 100 inputs with the client library, and prints a summary.
// Usage: dotnet run --project samples/map-summary [GATEWAY]   (default: $FAAS_GATEWAY, else http://127.0.0.1:8080)
using System.Diagnostics;
using System.Text;
using Orleans.Faas.Client;

var gateway = new Uri(args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("FAAS_GATEWAY") ?? "http://127.0.0.1:8080");
var client = new FaasClient(gateway);

// A process function runs on the node itself, so the sample needs no container image: it counts the words of its input.
var registration = await client.RegisterFunctionAsync(new FunctionDefinition
{
    Name = "sample-word-count",
    Runtime = FunctionRuntime.Process,
    Command = ["/usr/bin/wc", "-w"],
    TimeoutSeconds = 10,
});
Console.WriteLine($"function {registration.Function.Name} v{registration.Function.Version} ({(registration.Created ? "registered" : "unchanged")})");

var sentences = Enumerable.Range(1, 100).Select(i => string.Join(' ', Enumerable.Repeat("word", i))).ToList();
var clock = Stopwatch.StartNew();
var words = 0L;
var failures = new List<MapResult>();
await foreach (var result in client.Map(registration.Function.Name, sentences.Select(s => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(s)), maxInFlight: 8))
{
    if (result.Succeeded)
        words += long.Parse(Encoding.UTF8.GetString(result.Output.Span).Trim());
    else
        failures.Add(result);
}
clock.Stop();

Console.WriteLine($"{sentences.Count - failures.Count} of {sentences.Count} invocations succeeded in {clock.Elapsed.TotalSeconds:0.00} s ({sentences.Count / clock.Elapsed.TotalSeconds:0} per second)");
Console.WriteLine($"words counted: {words} (expected {sentences.Sum(s => s.Split(' ').Length)})");
foreach (var failure in failures)
    Console.WriteLine($"input {failure.Index} failed: {failure.Error!.Message}");

var recent = await client.GetExecutionsAsync(function: registration.Function.Name, pageSize: 100).Take(sentences.Count).ToListAsync();
foreach (var provider in recent.GroupBy(r => r.Provider))
    Console.WriteLine($"provider {provider.Key}: {provider.Count()} runs, median {provider.Select(r => r.WallMs).Order().ElementAt(provider.Count() / 2):0.0} ms");
return failures.Count == 0 ? 0 : 1;
