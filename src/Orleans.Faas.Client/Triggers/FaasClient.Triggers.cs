using System.Net;
using System.Net.Http.Json;

namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>Creates or replaces a trigger; the platform has stored it when this returns. 400 names the field that is wrong.</summary>
    public virtual async Task<TriggerRegistration> CreateTriggerAsync(TriggerDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/triggers")
        {
            // As the base type: a Trigger read back and sent again is sent as its definition.
            Content = JsonContent.Create(definition, typeof(TriggerDefinition), options: FaasJson.Options),
        };
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return new TriggerRegistration(await FaasPipeline.ReadJson<Trigger>(response, cancellationToken), response.StatusCode == HttpStatusCode.Created);
    }

    /// <summary>Every trigger of the namespace, with its status.</summary>
    public virtual Task<IReadOnlyList<Trigger>> ListTriggersAsync(CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<IReadOnlyList<Trigger>>("v1/triggers", cancellationToken);

    /// <summary>A trigger and its status; 404 when there is none.</summary>
    public virtual Task<Trigger> GetTriggerAsync(string name, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<Trigger>($"v1/triggers/{Escape(name)}", cancellationToken);

    /// <summary>Deletes a trigger (the tasks it made go on); 404 when there is none.</summary>
    public virtual async Task DeleteTriggerAsync(string name, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"v1/triggers/{Escape(name)}");
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }
}
