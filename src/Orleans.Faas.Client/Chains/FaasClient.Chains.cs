using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>Defines a chain, or a new version of it; steps the same as the latest version's change nothing.</summary>
    public virtual async Task<ChainRegistration> DefineChainAsync(ChainDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chains")
        {
            Content = JsonContent.Create(definition, typeof(ChainDefinition), options: FaasJson.Options),
        };
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var (version, secret) = await CallbackSecretAnswer.Read<ChainVersion>(response, cancellationToken);
        return new ChainRegistration(version, response.StatusCode == HttpStatusCode.Created, secret);
    }

    /// <summary>The key a chain's runs' callbacks are signed with; 404 when there is no such chain.</summary>
    public virtual async Task<string> GetChainCallbackSecretAsync(string chain, CancellationToken cancellationToken = default) =>
        (await Pipeline.GetJson<CallbackSecretAnswer>($"v1/chains/{Escape(chain)}/callback-secret", cancellationToken)).CallbackSecret!;

    /// <summary>Every chain with its latest version.</summary>
    public virtual Task<IReadOnlyList<ChainVersion>> ListChainsAsync(CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<IReadOnlyList<ChainVersion>>("v1/chains", cancellationToken);

    /// <summary>A chain's latest version; 404 when there is none.</summary>
    public virtual Task<ChainVersion> GetChainAsync(string name, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<ChainVersion>($"v1/chains/{Escape(name)}", cancellationToken);

    /// <summary>Deletes a chain and all its versions (runs already started go on); 404 when there is none.</summary>
    public virtual async Task DeleteChainAsync(string name, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"v1/chains/{Escape(name)}");
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>
    /// Starts a run of a chain with <paramref name="input"/> as its first step's input; 404 when the chain or one of its
    /// functions is missing. The ended run is POSTed to <paramref name="callbackUrl"/>, signed with the chain's secret, if one is given.
    /// </summary>
    public virtual Task<ChainRunOperation> StartChainRunAsync(string chain, ReadOnlyMemory<byte> input, string? callbackUrl = null, CancellationToken cancellationToken = default) =>
        StartChainRun(chain, new ReadOnlyMemoryContent(input), callbackUrl, cancellationToken);

    /// <summary>Starts a run of a chain with a streamed first input.</summary>
    public virtual Task<ChainRunOperation> StartChainRunAsync(string chain, Stream input, string? callbackUrl = null, CancellationToken cancellationToken = default) =>
        StartChainRun(chain, new StreamContent(input), callbackUrl, cancellationToken);

    /// <summary>A chain run: every step and, once it completed, its output; 404 when the chain has no such run.</summary>
    public virtual Task<ChainRun> GetChainRunAsync(string chain, Guid runId, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<ChainRun>($"v1/chains/{Escape(chain)}/runs/{runId}", cancellationToken);

    /// <summary>The run once it finished, or as it is after <paramref name="wait"/> (at most <see cref="MaxTaskWait"/>): one long poll.</summary>
    public virtual Task<ChainRun> WaitForChainRunAsync(string chain, Guid runId, TimeSpan wait, CancellationToken cancellationToken = default) =>
        LongPoll<ChainRun>($"v1/chains/{Escape(chain)}/runs/{runId}", wait, cancellationToken);

    /// <summary>An operation following a run started earlier, e.g. by another process that handed over its id.</summary>
    public virtual ChainRunOperation GetChainRunOperation(string chain, Guid runId) => new(this, chain, runId);

    private async Task<ChainRunOperation> StartChainRun(string chain, HttpContent input, string? callbackUrl, CancellationToken cancellationToken)
    {
        input.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, RequestPath.With($"v1/chains/{Escape(chain)}/runs", ("callbackUrl", callbackUrl))) { Content = input };
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return GetChainRunOperation(chain, (await FaasPipeline.ReadJson<ChainRunAccepted>(response, cancellationToken)).RunId);
    }
}
