using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>
/// The client covers the API: every operation in the gateway's OpenAPI document is sent by some client method, except the
/// earlier systems' routes under <c>/compat</c>, whose clients are those systems' own (their tests speak plain HTTP).
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class EveryRouteHasAClientMethodTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Every_route_in_the_openapi_document_is_reached_by_a_client_method()
    {
        var (client, log) = For(platform, o => o.MaxRetries = 0);
        var name = UniqueName("client-routes");
        var unknownTask = Guid.NewGuid();
        var unknownJob = Guid.NewGuid();
        const string UnknownProvider = "nobody-home";

        // Each public method once; the answer (often a 404 for an unknown id) does not matter, only that the request went.
        Func<Task>[] calls =
        [
            () => client.RegisterFunctionAsync(Process(name, "/bin/cat")),
            () => client.ListFunctionsAsync(),
            () => client.GetFunctionAsync(name),
            () => client.ListFunctionVersionsAsync(name),
            () => client.InvokeAsync(name, "x"u8.ToArray()),
            () => client.StartInvocationAsync(name, "x"u8.ToArray()),
            () => client.StartBatchAsync(name, ["x"]),
            () => client.GetBatchAsync(unknownTask),
            () => client.WaitForBatchAsync(unknownTask, TimeSpan.Zero),
            () => client.GetBatchItemsAsync(unknownTask).FirstOrDefaultAsync().AsTask(),
            () => client.GetCallbackSecretAsync(name),
            () => client.WaitForTaskAsync(unknownTask, TimeSpan.Zero),
            () => client.ListTasksAsync(),
            () => client.GetTaskAsync(unknownTask),
            () => client.GetTaskResultAsync(unknownTask),
            () => client.GetTaskLogsAsync(unknownTask),
            () => client.CancelTaskAsync(unknownTask),
            () => client.ListProvidersAsync(),
            () => client.GetProviderAsync(UnknownProvider),
            () => client.DrainProviderAsync(UnknownProvider),
            () => client.UndrainProviderAsync(UnknownProvider),
            () => client.SetReferenceProviderAsync(UnknownProvider),
            () => client.GetExecutionsAsync(pageSize: 1).FirstOrDefaultAsync().AsTask(),
            () => client.PredictAsync(name, 1),
            () => client.StartBenchmarkAsync(new BenchmarkRequest { Kind = BenchmarkKind.Workload }),
            () => client.ListBenchmarksAsync(),
            () => client.GetBenchmarkAsync(unknownJob),
            () => client.CancelBenchmarkAsync(unknownJob),
            () => client.StartProfileAsync(UniqueName("nobody"), new ProfileRequest { InputSizes = [1] }),
            () => client.GetProfileAsync(name),
            () => client.GetModelsAsync(),
            () => client.StartTrainingAsync(),
            () => client.DefineChainAsync(new ChainDefinition { Name = name, Steps = [name] }),
            () => client.ListChainsAsync(),
            () => client.GetChainAsync(name),
            () => client.StartChainRunAsync(name, "x"u8.ToArray()),
            () => client.GetChainRunAsync(name, unknownTask),
            () => client.GetChainCallbackSecretAsync(name),
            () => client.DeleteChainAsync(name),
            () => client.SetSecretAsync(name, "x"u8.ToArray()),
            () => client.ListSecretsAsync(),
            () => client.DeleteSecretAsync(name),
            () => client.CreateTriggerAsync(new TriggerDefinition { Name = name, Function = name, Schedule = "0 0 1 1 *" }),
            () => client.ListTriggersAsync(),
            () => client.GetTriggerAsync(name),
            () => client.DeleteTriggerAsync(name),
            () => client.GetDeadLettersAsync(name, 1).FirstOrDefaultAsync().AsTask(),
            () => client.GetDeadLetterAsync(name, unknownTask),
            () => client.ReplayDeadLetterAsync(name, unknownTask),
            () => client.ReplayDeadLettersAsync(name),
            () => client.DeleteDeadLetterAsync(name, unknownTask),
            () => client.DeleteFunctionAsync(name),
            () => client.GetCallerAsync(),
            // An invalid name, so that no key is made: one stored key would close this open gateway to every other test.
            () => client.CreateKeyAsync(new ApiKeyRequest { Name = "", Role = ApiKeyRole.Invoker }),
            () => client.ListKeysAsync(),
            () => client.RevokeKeyAsync("nobody"),
        ];
        foreach (var call in calls)
        {
            try
            {
                await call();
            }
            catch (FaasRequestException e) when (!e.IsUnreachable)
            {
            }
        }

        var missing = (await Routes()).Where(route => !log.Requests.Any(sent => sent.Method.Method == route.Method && route.Path.IsMatch(sent.Path))).ToList();

        Assert.True(missing.Count == 0, "No client method sends: " + string.Join(", ", missing.Select(r => $"{r.Method} {r.Template}")));
    }

    private async Task<List<(string Method, string Template, Regex Path)>> Routes()
    {
        var document = await platform.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        return document!["paths"]!.AsObject()
            .Where(path => !path.Key.StartsWith("/compat/", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject().Select(operation => (
                Method: operation.Key.ToUpperInvariant(),
                Template: path.Key,
                Path: new Regex("^" + Regex.Replace(Regex.Escape(path.Key), @"\\\{[^}]+}", "[^/]+") + "$"))))
            .ToList();
    }
}
