using System.Net;
using System.Text.Json.Nodes;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>A response read whole, so that a poll can keep what it last saw once the message is disposed of.</summary>
public sealed record HttpAnswer(HttpStatusCode Status, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public JsonObject Json() => JsonNode.Parse(Body)!.AsObject();

    public static async Task<HttpAnswer> Of(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return new(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public override string ToString() => $"{(int)Status} {Status}: {Body}";
}
