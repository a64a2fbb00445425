using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Orleans.Faas.Client;

/// <summary>Which requests the resilience handler may send again after a transient failure.</summary>
internal static class RetryPolicy
{
    /// <summary>Set on a request that changes something but is safe to repeat: it carries an idempotency key and a body that can be sent twice.</summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("Orleans.Faas.Client.Repeatable");

    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args) =>
        ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome) && SafeToRepeat(args.Context.GetRequestMessage()));

    private static bool SafeToRepeat(HttpRequestMessage? request) => request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            || (request.Options.TryGetValue(Repeatable, out var repeatable) && repeatable));
}
