using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Client;

namespace Orleans.Faas.Tests.ClientLibrary;

/// <summary>The client's retries of invocations: only with an idempotency key, the same one on every attempt, and only for inputs it can send again.</summary>
public sealed class IdempotentRetryTests
{
    [Fact]
    public async Task An_invocation_refused_with_503_is_sent_again_with_the_same_idempotency_key()
    {
        var keys = new List<string?>();
        var client = Client(new StubGateway(request =>
        {
            keys.Add(request.Headers.TryGetValues("Idempotency-Key", out var values) ? values.Single() : null);
            return Task.FromResult(keys.Count == 1
                ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("done") });
        }));

        var output = await client.InvokeAsync("f", "x"u8.ToArray());

        Assert.Equal("done", Encoding.UTF8.GetString(output));
        Assert.Equal(2, keys.Count);
        Assert.NotNull(keys[0]);
        Assert.Equal(keys[0], keys[1]);
    }

    [Fact]
    public async Task An_invocation_refused_with_429_is_sent_again_with_the_same_key_once_its_retry_after_has_passed()
    {
        var attempts = new List<(string Key, DateTimeOffset At)>();
        var client = Client(new StubGateway(request =>
        {
            attempts.Add((request.Headers.GetValues("Idempotency-Key").Single(), DateTimeOffset.UtcNow));
            if (attempts.Count > 1)
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("done") });
            var full = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            full.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return Task.FromResult(full);
        }));

        var output = await client.InvokeAsync("f", "x"u8.ToArray());

        Assert.Equal("done", Encoding.UTF8.GetString(output));
        Assert.Equal(attempts[0].Key, attempts[1].Key);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.9), $"The retry came {attempts[1].At - attempts[0].At} after the refusal.");
    }

    [Fact]
    public async Task A_key_the_caller_gives_is_sent_and_every_call_without_one_gets_its_own()
    {
        var keys = new List<string>();
        var client = Client(new StubGateway(request =>
        {
            keys.Add(request.Headers.GetValues("Idempotency-Key").Single());
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("") });
        }));

        await client.InvokeAsync("f", "x"u8.ToArray(), new InvocationOptions { IdempotencyKey = "order-42" });
        await client.InvokeAsync("f", "x"u8.ToArray());
        await client.InvokeAsync("f", "x"u8.ToArray());

        Assert.Equal("order-42", keys[0]);
        Assert.NotEqual(keys[1], keys[2]);
    }

    [Fact]
    public async Task A_streamed_input_is_sent_once_whatever_the_answer()
    {
        var attempts = 0;
        var client = Client(new StubGateway(_ =>
        {
            attempts++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }));

        var error = await Assert.ThrowsAsync<FaasRequestException>(() => client.InvokeAsync("f", new MemoryStream("x"u8.ToArray())));

        Assert.Equal(503, error.Status);
        Assert.Equal(1, attempts);
    }

    private static FaasClient Client(StubGateway gateway)
    {
        var services = new ServiceCollection();
        services.AddFaasClient(o =>
        {
            o.Endpoint = new Uri("http://gateway.test");
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
        }).ConfigurePrimaryHttpMessageHandler(() => gateway);
        return services.BuildServiceProvider().GetRequiredService<FaasClient>();
    }
}
