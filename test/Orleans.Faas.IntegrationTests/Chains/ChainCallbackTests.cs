using System.Net;
using System.Text.Json.Nodes;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Batches;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Chains;

/// <summary>A chain run's callback, through the client library: signed with the chain's own secret, retried after a refusal, shown on the run.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ChainCallbackTests(EmbeddedPlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_ended_run_is_posted_to_its_callback_signed_with_the_chain_s_secret_after_a_refused_first_attempt()
    {
        await using var receiver = new CallbackReceiver(HttpStatusCode.InternalServerError);
        var (client, _) = For(platform);
        var (upper, reverse) = (UniqueName("cb-upper"), UniqueName("cb-rev"));
        await client.RegisterFunctionAsync(Process(upper, "/usr/bin/tr", "a-z", "A-Z"));
        await client.RegisterFunctionAsync(Process(reverse, "/usr/bin/rev"));
        var chain = UniqueName("cb-chain");
        var defined = await client.DefineChainAsync(new ChainDefinition { Name = chain, Steps = [upper, reverse] });
        var redefined = await client.DefineChainAsync(new ChainDefinition { Name = chain, Steps = [reverse, upper] });

        var operation = await client.StartChainRunAsync(chain, "ring"u8.ToArray(), receiver.Url + "chain");
        var run = await operation.WaitForCompletionAsync();
        var refused = await receiver.Next(Patience);
        var delivered = await receiver.Next(Patience);

        Assert.NotNull(defined.CallbackSecret);
        Assert.Equal(defined.CallbackSecret, redefined.CallbackSecret);
        Assert.Equal(defined.CallbackSecret, await client.GetChainCallbackSecretAsync(chain));
        Assert.NotEqual(await client.GetCallbackSecretAsync(upper), defined.CallbackSecret);
        Assert.Equal(ChainRunStatus.Completed, run.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, refused.Answer);
        Assert.Equal("/chain", delivered.Path);
        Assert.True(CallbackSignature.IsValid(defined.CallbackSecret, delivered.Timestamp, delivered.Signature, delivered.Body));
        var body = JsonNode.Parse(delivered.Body)!;
        Assert.Equal(operation.Id.ToString(), body["id"]!.GetValue<string>());
        Assert.Equal("COMPLETED", body["status"]!.GetValue<string>());
        Assert.Equal("GNIR", body["output"]!.GetValue<string>());

        var read = await Poll.UntilAsync(
            () => operation.UpdateStatusAsync(), run => run.Callback is { Status: CallbackState.Delivered }, Patience, "the run to show its callback delivered");
        Assert.Equal(2, read.Callback!.Attempts);
    }

    [Fact]
    public async Task A_bad_callback_url_is_a_validation_problem_and_starts_no_run()
    {
        var (client, _) = For(platform);
        var function = UniqueName("cb-cat");
        await client.RegisterFunctionAsync(Process(function, "/bin/cat"));
        var chain = UniqueName("cb-bad");
        await client.DefineChainAsync(new ChainDefinition { Name = chain, Steps = [function] });

        var error = await Assert.ThrowsAsync<FaasRequestException>(() => client.StartChainRunAsync(chain, "x"u8.ToArray(), "not a url"));

        Assert.Equal(400, error.Status);
        Assert.Contains("callbackUrl", error.Problem!.Errors.Keys);
        Assert.True((await Assert.ThrowsAsync<FaasRequestException>(() => client.GetChainCallbackSecretAsync(UniqueName("nobody")))).IsNotFound);
    }
}
