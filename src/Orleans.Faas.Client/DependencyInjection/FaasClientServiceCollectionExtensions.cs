using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Orleans.Faas.Client;

namespace Microsoft.Extensions.DependencyInjection;

public static class FaasClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FaasClient"/> on <see cref="IHttpClientFactory"/> with the standard resilience handler:
    /// reads, and invocations that carry an idempotency key, are retried after transient failures; nothing else is.
    /// </summary>
    public static IHttpClientBuilder AddFaasClient(this IServiceCollection services, Action<FaasClientOptions>? configure = null)
    {
        var options = services.AddOptions<FaasClientOptions>().Validate(Valid, "Invalid FaasClientOptions.");
        if (configure is not null)
            options.Configure(configure);

        var builder = services.AddHttpClient(nameof(FaasClient), (provider, http) =>
        {
            var o = provider.GetRequiredService<IOptions<FaasClientOptions>>().Value;
            http.BaseAddress = WithTrailingSlash(o.Endpoint);
            if (o.ApiKey is { } key)
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            if (o.Namespace is { } ns)
                http.DefaultRequestHeaders.Add(NamespaceHeader, ns);
            // The resilience handler times each attempt; HttpClient's own 100 s cap would cut a long wait short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            Configure(resilience, provider.GetRequiredService<IOptions<FaasClientOptions>>().Value));
        builder.AddTypedClient((http, _) => new FaasClient(http));
        return builder;
    }

    private static void Configure(HttpStandardResilienceOptions resilience, FaasClientOptions options)
    {
        resilience.AttemptTimeout.Timeout = options.NetworkTimeout;
        resilience.TotalRequestTimeout.Timeout = options.NetworkTimeout * (options.MaxRetries + 1) + options.RetryDelay * Math.Pow(2, options.MaxRetries + 1);
        resilience.CircuitBreaker.SamplingDuration = options.NetworkTimeout * 2;
        // A failed function answers 502: that is the function's outcome, not an unhealthy gateway, so only no answer at all trips the breaker.
        resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null);
        resilience.Retry.Delay = options.RetryDelay;
        // Polly wants at least one attempt; no retries at all is a retry that never handles anything.
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
        resilience.Retry.ShouldHandle = options.MaxRetries == 0 ? _ => ValueTask.FromResult(false) : RetryPolicy.ShouldRetry;
    }

    private static bool Valid(FaasClientOptions options)
    {
        options.Validate();
        return true;
    }

    private const string NamespaceHeader = "Faas-Namespace";

    internal static Uri WithTrailingSlash(Uri endpoint) =>
        endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
}
