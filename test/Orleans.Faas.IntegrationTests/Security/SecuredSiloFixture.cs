using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>
/// An embedded silo that requires keys (Faas:Auth:AdminKey), process runtime only, whose namespace <see cref="Capped"/>
/// may have one unfinished task, and whose /metrics is for admins; kept apart from the open platform the other tests share, since a stored key closes a gateway.
/// </summary>
public sealed class SecuredSiloFixture : IAsyncLifetime
{
    public const string Capped = "capped";

    public string AdminKey { get; } = $"test-admin-{Guid.NewGuid():N}";

    private FaasProcess? _silo;

    public FaasProcess Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    /// <summary>Sends the configured admin key.</summary>
    public HttpClient Admin => Silo.Http;

    public async Task InitializeAsync() =>
        _silo = await FaasProcess.StartSilo(SiloPorts.For("secured"), new Dictionary<string, string>
        {
            [FaasProcess.AdminKeySetting] = AdminKey,
            ["Faas__Docker__Endpoint"] = $"unix://{TestEnvironment.WorkFolder}/no-docker.sock",
            [$"Faas__Namespaces__Limits__{Capped}__MaxConcurrentTasks"] = "1",
            ["Faas__Auth__ProtectMetrics"] = "true",
            // The route tests send a made-up key to every route, all from loopback; KeyGuessingTests tries the limit.
            ["Faas__Auth__FailedKeys__Burst"] = "10000",
        });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
    }

    /// <summary>A client of the silo's gateway that sends <paramref name="key"/> (none when null) and, when given, a Faas-Namespace.</summary>
    public HttpClient Client(string? key, string? @namespace = null)
    {
        var http = new HttpClient { BaseAddress = Silo.GatewayUrl, Timeout = TimeSpan.FromSeconds(100) };
        if (key is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (@namespace is not null)
            http.DefaultRequestHeaders.Add("Faas-Namespace", @namespace);
        return http;
    }

    /// <summary>Creates a key with the admin key and returns the created key's body (with the key itself in "key").</summary>
    public async Task<JsonObject> CreateKey(string role, string[] namespaces, object? rateLimit = null)
    {
        using var response = await Admin.PostAsJsonAsync("/v1/keys", new { name = $"{role}-key", role, namespaces, rateLimit });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await Gateway.FaasHttp.Describe(response));
        return await Gateway.FaasHttp.Json(response);
    }

    public async Task<string> Key(string role, params string[] namespaces) => (await CreateKey(role, namespaces))["key"]!.GetValue<string>();
}

[CollectionDefinition(Name)]
public sealed class SecuredSiloCollection : ICollectionFixture<SecuredSiloFixture>
{
    public const string Name = "Secured silo";
}
