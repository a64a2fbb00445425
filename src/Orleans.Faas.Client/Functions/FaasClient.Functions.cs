using System.Net;
using System.Net.Http.Json;

namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>Registers a function, or a new version of it; a definition the same as the latest version's changes nothing.</summary>
    public virtual async Task<FunctionRegistration> RegisterFunctionAsync(FunctionDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        // The gateway takes the definition's own members only: a FunctionVersion passed back is sent as the definition it holds.
        return await RegisterAsync(JsonContent.Create(definition, typeof(FunctionDefinition), options: FaasJson.Options), cancellationToken);
    }

    /// <summary>
    /// Registers a python function whose code is a file: a <c>.py</c> module (its name is the module's), or a
    /// <c>.zip</c> or <c>.tar.gz</c> archive of a package with <see cref="FunctionDefinition.EntryPoint"/> naming
    /// <c>module:function</c> in it. Sent as a multipart form; the platform checks the code compiles before storing it.
    /// </summary>
    public virtual async Task<FunctionRegistration> RegisterFunctionAsync(
        FunctionDefinition definition, string codeFileName, ReadOnlyMemory<byte> code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrEmpty(codeFileName);
        return await RegisterAsync(new MultipartFormDataContent
        {
            { JsonContent.Create(definition, typeof(FunctionDefinition), options: FaasJson.Options), "definition" },
            { new ReadOnlyMemoryContent(code), "code", codeFileName },
        }, cancellationToken);
    }

    private async Task<FunctionRegistration> RegisterAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/functions") { Content = content };
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var (version, secret) = await CallbackSecretAnswer.Read<FunctionVersion>(response, cancellationToken);
        return new FunctionRegistration(version, response.StatusCode == HttpStatusCode.Created, secret);
    }

    /// <summary>The key a function's callbacks are signed with; 404 when there is no such function.</summary>
    public virtual async Task<string> GetCallbackSecretAsync(string function, CancellationToken cancellationToken = default) =>
        (await Pipeline.GetJson<CallbackSecretAnswer>($"v1/functions/{Escape(function)}/callback-secret", cancellationToken)).CallbackSecret!;

    /// <summary>Every function with its latest version.</summary>
    public virtual Task<IReadOnlyList<FunctionVersion>> ListFunctionsAsync(CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<IReadOnlyList<FunctionVersion>>("v1/functions", cancellationToken);

    /// <summary>A function's latest version; 404 when there is none.</summary>
    public virtual Task<FunctionVersion> GetFunctionAsync(string name, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<FunctionVersion>($"v1/functions/{Escape(name)}", cancellationToken);

    /// <summary>The versions a function keeps, newest first; 404 when there is none.</summary>
    public virtual Task<IReadOnlyList<FunctionVersion>> ListFunctionVersionsAsync(string name, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<IReadOnlyList<FunctionVersion>>($"v1/functions/{Escape(name)}/versions", cancellationToken);

    /// <summary>Deletes a function and all its versions; 404 when there is none.</summary>
    public virtual async Task DeleteFunctionAsync(string name, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"v1/functions/{Escape(name)}");
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }
}
