using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Compat.BenchmarkController;
using Orleans.Faas.Gateway.Compat.ChainFaas;
using Orleans.Faas.Gateway.Compat.Fsched;
using Orleans.Faas.Gateway.Compat.Mpcs;
using Orleans.Faas.Gateway.Compat.Pepper;

namespace Orleans.Faas.Gateway.Compat;

/// <summary>
/// The earlier systems' own APIs, path for path, each under its own prefix and OpenAPI tag and behind the same keys,
/// roles and namespaces as <c>/v1</c>: a route that names no role is for admins.
/// </summary>
public static class CompatEndpoints
{
    public static void MapCompatEndpoints(this WebApplication app, CompatOptions options)
    {
        Map(app, options.Mpcs, "mpcs", "Compat: MPCS FaaS", group => group.MapMpcsEndpoints());
        Map(app, options.ChainFaas, "chainfaas", "Compat: ChainFaaS", group => group.MapChainFaasEndpoints());
        Map(app, options.Pepper, "pepper", "Compat: PEPPER", group => group.MapPepperEndpoints());
        Map(app, options.BenchmarkController, "benchmark-controller", "Compat: Benchmark Platform Controller", group => group.MapBenchmarkControllerEndpoints());
        Map(app, options.Fsched, "fsched", "Compat: Fsched", group => group.MapFschedEndpoints());
    }

    private static void Map(WebApplication app, CompatSystem system, string prefix, string tag, Action<RouteGroupBuilder> routes)
    {
        if (!system.Enabled)
            return;
        var group = app.MapGroup($"/compat/{prefix}").WithTags(tag);
        group.DefaultToAdmin();
        routes(group);
    }
}
