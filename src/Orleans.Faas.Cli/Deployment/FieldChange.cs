using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Faas.Cli.Deployment;

/// <summary>A field of a function definition that differs between two versions, as the API spells it.</summary>
internal sealed record FieldChange(string Field, JsonNode? Before, JsonNode? After)
{
    /// <summary>
    /// The definition's fields that differ, compared by content: lists item by item, maps key by key (their order
    /// aside), nested placement field by field, an uploaded code file by its hash. Version numbers and times are not
    /// part of a definition.
    /// </summary>
    public static IReadOnlyList<FieldChange> Between(FunctionVersion before, FunctionVersion after)
    {
        var old = Definition(before);
        var now = Definition(after);
        old["code"] = JsonSerializer.SerializeToNode(before.Code, FaasJson.Options);
        now["code"] = JsonSerializer.SerializeToNode(after.Code, FaasJson.Options);
        return [.. old.Select(f => f.Key).Union(now.Select(f => f.Key))
            .Where(field => !JsonNode.DeepEquals(old[field], now[field]))
            .Select(field => new FieldChange(field, old[field]?.DeepClone(), now[field]?.DeepClone()))];
    }

    public override string ToString() => $"{Field}: {Text(Before)} → {Text(After)}";

    // Serialized as the definition it extends, so only the definition's own fields take part.
    private static JsonObject Definition(FunctionVersion version) =>
        JsonSerializer.SerializeToNode<FunctionDefinition>(version, FaasJson.Options)!.AsObject();

    private static string Text(JsonNode? value) => value?.ToJsonString() ?? "(default)";
}
