using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Faas.HttpModel.Callbacks;

namespace Orleans.Faas.Callbacks;

public static class CallbackServiceCollectionExtensions
{
    /// <summary>The client that POSTs callbacks and the <see cref="CallbackSender"/> over it.</summary>
    public static IServiceCollection AddCallbackSender(this IServiceCollection services)
    {
        services.TryAddSingleton<CallbackUrlPolicy>();
        services.AddSingleton<CallbackConnector>();
        // One POST per attempt, bounded by the attempt timeout: CallbackDelivery does the retrying, so it can count and persist attempts.
        // Invokers choose the URL, so no redirect is followed, no proxy resolves it, and each connection is checked after DNS.
        // The sender logs each attempt in one line; the factory's own loggers would add two stack traces to every failed one.
        services.AddHttpClient(CallbackSender.ClientName)
            .ConfigureHttpClient((s, http) => http.Timeout = s.GetRequiredService<IOptions<CallbackOptions>>().Value.AttemptTimeout)
            .ConfigurePrimaryHttpMessageHandler(s => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = s.GetRequiredService<CallbackConnector>().Connect,
            })
            .RemoveAllLoggers();
        services.AddSingleton<CallbackSender>();
        return services;
    }
}
