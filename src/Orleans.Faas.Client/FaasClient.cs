using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orleans.Faas.Client;

/// <summary>
/// The Orleans.Faas gateway from .NET: functions, invocations and their tasks, providers, benchmarks, profiles,
/// predictions, runtime models and the execution history. Thread-safe; keep one per gateway.
/// </summary>
/// <remarks>Each concept's methods live in that concept's folder; they all go through one <see cref="FaasPipeline"/>.</remarks>
public partial class FaasClient
{
    private readonly FaasPipeline? _pipeline;

    /// <summary>A client on its own, with the standard resilience handler, for apps without dependency injection.</summary>
    public FaasClient(Uri endpoint, FaasClientOptions? options = null)
        : this(Standalone(endpoint, options ?? new FaasClientOptions()))
    {
    }

    /// <summary>A client over an <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is the gateway.</summary>
    public FaasClient(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
            throw new ArgumentException("The HttpClient needs a BaseAddress: the gateway's address.", nameof(httpClient));
        _pipeline = new FaasPipeline(httpClient);
    }

    /// <summary>For mocking.</summary>
    protected FaasClient()
    {
    }

    /// <summary>The gateway this client talks to.</summary>
    public virtual Uri Endpoint => Pipeline.Endpoint!;

    private FaasPipeline Pipeline => _pipeline ?? throw new InvalidOperationException("This FaasClient was made for mocking; it sends nothing.");

    private static HttpClient Standalone(Uri endpoint, FaasClientOptions options)
    {
        options.Endpoint = endpoint;
        options.Validate();
        // The same registration an app with dependency injection makes, so both get the same handlers and timeouts.
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        services.AddFaasClient();
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient(nameof(FaasClient));
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    /// <summary>A read the gateway holds open until what it reads finished, or <paramref name="wait"/> (at most <see cref="MaxTaskWait"/>) passed.</summary>
    private Task<T> LongPoll<T>(string path, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(wait, MaxTaskWait);
        return Pipeline.GetJson<T>(RequestPath.With(path, ("waitSeconds", wait.TotalSeconds)), cancellationToken);
    }
}
