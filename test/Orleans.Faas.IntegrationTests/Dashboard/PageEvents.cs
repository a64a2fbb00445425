using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Orleans.Faas.IntegrationTests.Dashboard;

/// <summary>What a page did, each with the milliseconds since recording began: navigations, requests and their ends, load events and console lines.</summary>
public sealed class PageEvents
{
    private readonly ConcurrentQueue<string> _seen = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private PageEvents()
    {
    }

    public static PageEvents Of(IPage page)
    {
        var events = new PageEvents();
        page.FrameNavigated += (_, frame) => events.Add($"navigated {frame.Url}");
        page.DOMContentLoaded += (_, p) => events.Add($"DOMContentLoaded {p.Url}");
        page.Load += (_, p) => events.Add($"load {p.Url}");
        page.Request += (_, request) => events.Add($"request {request.Method} {request.Url}");
        page.Response += (_, response) => events.Add($"response {response.Status} {response.Url}");
        page.RequestFinished += (_, request) => events.Add($"finished {request.Method} {request.Url}");
        page.RequestFailed += (_, request) => events.Add($"failed {request.Method} {request.Url}: {request.Failure}");
        page.Console += (_, message) => events.Add($"console {message.Type}: {message.Text}");
        return events;
    }

    private void Add(string what) => _seen.Enqueue($"{_clock.ElapsedMilliseconds,6} ms {what}");

    public override string ToString() => string.Join('\n', _seen);
}
