using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>Every route of the OpenAPI document refuses a request without a key (401) and one from a role below its own (403).</summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class RouteAuthorizationTests(SecuredSiloFixture platform)
{
    /// <summary>The least role each route needs; a route missing here fails the test, so a new route cannot be forgotten.</summary>
    private static readonly Dictionary<string, string> LeastRole = new()
    {
        ["GET /v1/caller"] = "invoker",
        ["POST /v1/functions/{name}/invocations"] = "invoker",
        ["POST /v1/functions/{name}/invoke"] = "invoker",
        ["POST /v1/functions/{name}/batches"] = "invoker",
        ["GET /v1/batches/{id}"] = "invoker",
        ["GET /v1/tasks"] = "invoker",
        ["GET /v1/tasks/{id}"] = "invoker",
        ["GET /v1/tasks/{id}/result"] = "invoker",
        ["GET /v1/tasks/{id}/logs"] = "invoker",
        ["POST /v1/chains/{name}/runs"] = "invoker",
        ["GET /v1/chains/{name}/runs/{id}"] = "invoker",
        ["POST /v1/functions"] = "developer",
        ["GET /v1/functions"] = "developer",
        ["GET /v1/functions/{name}"] = "developer",
        ["DELETE /v1/functions/{name}"] = "developer",
        ["GET /v1/functions/{name}/versions"] = "developer",
        ["GET /v1/functions/{name}/callback-secret"] = "developer",
        ["GET /v1/functions/{name}/predictions"] = "developer",
        ["POST /compat/pepper/api/profiling"] = "developer",
        ["GET /v1/functions/{name}/profile"] = "developer",
        ["POST /v1/tasks/{id}/cancel"] = "developer",
        ["POST /v1/chains"] = "developer",
        ["GET /v1/chains"] = "developer",
        ["GET /v1/chains/{name}"] = "developer",
        ["DELETE /v1/chains/{name}"] = "developer",
        ["GET /v1/chains/{name}/callback-secret"] = "developer",
        ["PUT /v1/secrets/{name}"] = "developer",
        ["GET /v1/secrets"] = "developer",
        ["DELETE /v1/secrets/{name}"] = "developer",
        ["GET /v1/functions/{name}/dead-letters"] = "developer",
        ["GET /v1/functions/{name}/dead-letters/{id}"] = "developer",
        ["DELETE /v1/functions/{name}/dead-letters/{id}"] = "developer",
        ["POST /v1/functions/{name}/dead-letters/{id}/replay"] = "developer",
        ["POST /v1/functions/{name}/dead-letters/replay"] = "developer",
        ["POST /v1/triggers"] = "developer",
        ["GET /v1/triggers"] = "developer",
        ["GET /v1/triggers/{name}"] = "developer",
        ["DELETE /v1/triggers/{name}"] = "developer",
        ["POST /v1/functions/{name}/profile"] = "admin",
        ["GET /v1/providers"] = "admin",
        ["GET /v1/providers/{id}"] = "admin",
        ["POST /v1/providers/{id}/drain"] = "admin",
        ["POST /v1/providers/{id}/undrain"] = "admin",
        ["POST /v1/providers/{id}/reference"] = "admin",
        ["GET /v1/executions"] = "admin",
        ["POST /v1/benchmarks"] = "admin",
        ["GET /v1/benchmarks"] = "admin",
        ["GET /v1/benchmarks/{id}"] = "admin",
        ["POST /v1/benchmarks/{id}/cancel"] = "admin",
        ["GET /v1/models"] = "admin",
        ["POST /v1/models/training"] = "admin",
        ["POST /v1/keys"] = "admin",
        ["GET /v1/keys"] = "admin",
        ["DELETE /v1/keys/{id}"] = "admin",
        ["POST /compat/mpcs/register_function"] = "developer",
        ["POST /compat/mpcs/execute_function"] = "invoker",
        ["GET /compat/mpcs/status/{task_id}"] = "invoker",
        ["GET /compat/mpcs/result/{task_id}"] = "invoker",
        ["POST /compat/chainfaas/developers/run_service/{service_id}"] = "invoker",
        ["GET /compat/chainfaas/providers/calculate_efficiency/{provider_id}"] = "admin",
        ["POST /compat/chainfaas/providers/set_reference_stats_for_service/{service_id}"] = "admin",
        ["POST /compat/benchmark-controller/api/v1.0/run_benchmark"] = "admin",
        ["GET /compat/benchmark-controller/api/v1.0/get_result/{id}"] = "admin",
        ["POST /compat/benchmark-controller/api/v1.0/set_result/{id}"] = "admin",
        ["POST /compat/fsched/controller/task/new"] = "developer",
        ["POST /compat/fsched/controller/task/run"] = "invoker",
        ["POST /compat/fsched/controller/task/benchmark"] = "admin",
        ["GET /compat/fsched/cluster/workers"] = "admin",
        ["POST /compat/fsched/cluster/worker/add"] = "admin",
    };

    private static readonly Dictionary<string, string> RoleBelow = new() { ["admin"] = "developer", ["developer"] = "invoker" };

    [Fact]
    public async Task Every_route_answers_401_without_a_key_and_403_to_a_role_below_its_own()
    {
        var keys = new Dictionary<string, HttpClient>
        {
            ["developer"] = platform.Client(await platform.Key("developer", "default")),
            ["invoker"] = platform.Client(await platform.Key("invoker", "default")),
        };
        using var anonymous = platform.Client(key: null);
        using var wrongKey = platform.Client("faas_0123456789abcdef_" + new string('A', 43));
        var routes = await Routes(anonymous);

        var unlisted = routes.Where(r => !LeastRole.ContainsKey(r)).ToList();
        Assert.True(unlisted.Count == 0, "Routes this test gives no role: " + string.Join(", ", unlisted));
        foreach (var route in routes)
        {
            using (var response = await Send(anonymous, route))
            {
                var problem = await response.AssertProblem(HttpStatusCode.Unauthorized);
                Assert.True(response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"), route);
                Assert.NotNull(problem["title"]);
            }
            using (var response = await Send(wrongKey, route))
                await response.AssertProblem(HttpStatusCode.Unauthorized);

            if (RoleBelow.TryGetValue(LeastRole[route], out var below))
            {
                using var response = await Send(keys[below], route);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route} with a {below} key: {await Describe(response)}");
                await response.AssertProblem(HttpStatusCode.Forbidden);
            }
            if (keys.TryGetValue(LeastRole[route], out var allowed))
            {
                using var response = await Send(allowed, route);
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{route}: {await Describe(response)}");
            }
        }
        foreach (var http in keys.Values)
            http.Dispose();
    }

    [Fact]
    public async Task Health_and_the_api_description_stay_open_and_protected_metrics_are_for_admins()
    {
        using var anonymous = platform.Client(key: null);
        using var developer = platform.Client(await platform.Key("developer", "default"));

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/docs/index.html")).StatusCode);
        await (await anonymous.GetAsync("/metrics")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await developer.GetAsync("/metrics")).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await platform.Admin.GetAsync("/metrics")).StatusCode);
    }

    private static async Task<List<string>> Routes(HttpClient http)
    {
        var document = await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        return [.. document!["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {path.Key}"))];
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string route)
    {
        var (method, template) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
        // A GUID is a valid name and a valid id alike.
        var path = Regex.Replace(template, @"\{[^}]+\}", _ => Guid.NewGuid().ToString());
        return http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json") });
    }
}
