using System.Collections.Immutable;
using System.Text.Json;

namespace Orleans.Faas.Gateway.Compat.Pepper;

/// <summary>
/// PEPPER's request body: <c>model</c> names the function that runs the model, and every other member is one of the
/// model's characteristics (<c>conv_layers</c>, <c>total_parameters</c>, ...), which that function declares as features.
/// </summary>
/// <param name="Given">Every member as it came, for the answer to echo unchanged.</param>
public sealed record ModelCharacteristics(string Model, ImmutableDictionary<string, double> Features, ImmutableSortedDictionary<string, JsonElement> Given)
{
    public const string ModelField = "model";

    /// <summary>Reads the body; the problems are by member name, and there are none when the result is not null.</summary>
    public static ModelCharacteristics? Read(JsonElement body, out Dictionary<string, string[]> problems)
    {
        problems = [];
        if (body.ValueKind != JsonValueKind.Object)
        {
            problems["body"] = ["The body must be a JSON object: {\"model\": \"<function>\", \"conv_layers\": 3, ...}."];
            return null;
        }
        var model = body.TryGetProperty(ModelField, out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        if (string.IsNullOrEmpty(model))
            problems[ModelField] = ["model is required: the name of the function that runs the model."];

        var features = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var member in body.EnumerateObject().Where(m => m.Name != ModelField))
        {
            if (member.Value.ValueKind == JsonValueKind.Number && member.Value.TryGetDouble(out var value))
                features[member.Name] = value;
            else
                problems[member.Name] = [$"{member.Name} must be a number: a characteristic of the model, declared as a feature of its function."];
        }
        var given = body.EnumerateObject().ToImmutableSortedDictionary(m => m.Name, m => m.Value.Clone(), StringComparer.Ordinal);
        return problems.Count == 0 ? new ModelCharacteristics(model!, features.ToImmutable(), given) : null;
    }
}
