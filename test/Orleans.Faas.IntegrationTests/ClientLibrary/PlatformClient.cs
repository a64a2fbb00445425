using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>A client on the embedded platform, made the way an app with dependency injection makes it, that logs what it sends.</summary>
public static class PlatformClient
{
    public static (FaasClient Client, RequestLog Log) For(EmbeddedPlatformFixture platform, Action<FaasClientOptions>? configure = null)
    {
        var log = new RequestLog();
        var services = new ServiceCollection();
        services.AddFaasClient(o =>
        {
            o.Endpoint = platform.Silo.GatewayUrl;
            configure?.Invoke(o);
        }).AddHttpMessageHandler(log.Handler);
        return (services.BuildServiceProvider().GetRequiredService<FaasClient>(), log);
    }

    /// <summary>The sample image's function, as the README registers it.</summary>
    public static FunctionDefinition Hello(string name) =>
        new() { Name = name, Image = "faas-samples/hello:latest", Cpu = 0.5, MemoryMiB = 64, TimeoutSeconds = 30 };

    /// <summary>A process function: the node runs it directly, no image needed.</summary>
    public static FunctionDefinition Process(string name, params string[] command) =>
        new() { Name = name, Runtime = FunctionRuntime.Process, Command = command };
}
