using System.Diagnostics;
using System.Net.Http.Json;

namespace Orleans.Faas.Benchmarks.Latency;

/// <summary>The measured path: a synchronous invoke through the HTTP gateway, output read to the end.</summary>
public sealed class GatewayInvoke(HttpClient http, string function)
{
    public async Task Register(object definition)
    {
        using var response = await http.PostAsJsonAsync("/v1/functions", definition);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Registering {function} failed: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<TimeSpan> RunOnce(string input)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync($"/v1/functions/{function}/invoke", new StringContent(input));
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if ((int)response.StatusCode != 200)
            throw new InvalidOperationException($"Invoke answered {(int)response.StatusCode}: {body}");
        return clock.Elapsed;
    }
}
