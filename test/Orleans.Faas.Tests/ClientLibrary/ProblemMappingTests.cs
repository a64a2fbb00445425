using System.Net;
using System.Net.Http.Headers;
using Orleans.Faas.Client;

namespace Orleans.Faas.Tests.ClientLibrary;

/// <summary>Every unsuccessful answer becomes the one exception, with what the gateway said.</summary>
public sealed class ProblemMappingTests
{
    [Fact]
    public async Task A_busy_benchmark_slot_carries_its_wait_and_holder_and_the_retry_after_header()
    {
        var client = new FaasClient(new StubGateway(_ =>
        {
            var busy = StubGateway.Problem(HttpStatusCode.Conflict,
                """{"title":"Another benchmark holds the slot.","status":409,"detail":"Job x runs.","wait":42.5,"benchmarkId":"6f1b2a9e-0000-4000-8000-000000000002","traceId":"t"}""");
            busy.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(43));
            return Task.FromResult(busy);
        }).Client());

        var error = await Assert.ThrowsAsync<FaasRequestException>(() => client.StartBenchmarkAsync(new BenchmarkRequest { Kind = BenchmarkKind.Providers }));

        Assert.Equal(409, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(43), error.RetryAfter);
        Assert.Equal(42.5, error.Problem!.Wait);
        Assert.Equal(Guid.Parse("6f1b2a9e-0000-4000-8000-000000000002"), error.Problem.BenchmarkId);
        Assert.True(error.Problem.Extensions.ContainsKey("traceId"));
        Assert.Contains("Another benchmark holds the slot. Job x runs.", error.Message);
        Assert.False(error.IsFunctionFailure);
    }

    [Fact]
    public async Task An_invocation_refused_because_every_queue_is_full_carries_the_retry_after_header()
    {
        var client = new FaasClient(new StubGateway(_ =>
        {
            var full = StubGateway.Problem(HttpStatusCode.TooManyRequests,
                """{"title":"Every queue that could take the task is full.","status":429,"detail":"Every provider that can run 'f' now has a full queue; try again in about 3 s.","wait":2.4}""");
            full.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
            return Task.FromResult(full);
        }).Client());

        var error = await Assert.ThrowsAsync<FaasRequestException>(() => client.StartInvocationAsync("f", "x"u8.ToArray()));

        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.Equal(2.4, error.Problem!.Wait);
        Assert.False(error.IsFunctionFailure);
    }

    [Fact]
    public async Task An_answer_without_a_problem_still_says_its_status()
    {
        var client = new FaasClient(new StubGateway(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("<html>proxy error</html>", null, "text/html"),
        })).Client());

        var error = await Assert.ThrowsAsync<FaasRequestException>(() => client.ListProvidersAsync());

        Assert.Equal(500, error.Status);
        Assert.Null(error.Problem);
        Assert.Contains("500", error.Message);
    }

    [Fact]
    public async Task The_caller_s_own_cancellation_stays_a_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var client = new FaasClient(new StubGateway(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK))).Client());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListFunctionsAsync(cancelled.Token));
    }

    [Fact]
    public async Task Executions_follow_the_next_links_until_a_page_has_none()
    {
        var pages = new Queue<(string Body, string? Next)>([
            ("""[{"taskId":"6f1b2a9e-0000-4000-8000-00000000000a","attempt":1,"function":"f","provider":"p","status":"COMPLETED","wallMs":1}]""", "</v1/executions?limit=1&before=b1>; rel=\"next\""),
            ("""[{"taskId":"6f1b2a9e-0000-4000-8000-00000000000b","attempt":1,"function":"f","provider":"p","status":"FAILED","wallMs":2}]""", null),
        ]);
        var asked = new List<string>();
        var client = new FaasClient(new StubGateway(request =>
        {
            asked.Add(request.RequestUri!.PathAndQuery);
            var (body, next) = pages.Dequeue();
            var page = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, null, "application/json") };
            if (next is not null)
                page.Headers.Add("Link", next);
            return Task.FromResult(page);
        }).Client());

        var records = await client.GetExecutionsAsync(function: "f", pageSize: 1).ToListAsync();

        Assert.Equal([TaskState.Completed, TaskState.Failed], records.Select(r => r.Status));
        Assert.Equal(["/v1/executions?function=f&limit=1", "/v1/executions?limit=1&before=b1"], asked);
    }
}
