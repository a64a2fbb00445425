using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Faas.Cli.Output;

/// <summary>The two shapes faas shows models in: a list with chosen columns, and one model's every field.</summary>
internal static class Tables
{
    private const string None = "-";

    /// <summary>One row per item, one column per header and cell.</summary>
    public static Table List<T>(IEnumerable<T> items, params (string Header, Func<T, object?> Cell)[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var (header, _) in columns)
            table.AddColumn(header);
        foreach (var item in items)
            table.AddRow(columns.Select(c => (IRenderable)new Text(Format(c.Cell(item)))));
        return table;
    }

    /// <summary>
    /// Every field of a model as the JSON output names it, nested objects as dotted names; lists of objects are left
    /// to the caller to show as tables of their own.
    /// </summary>
    public static Grid Details(object model)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (field, value) in Flatten("", JsonSerializer.SerializeToNode(model, model.GetType(), CliJson.Options)))
            grid.AddRow(new Text(field, new Style(Color.Grey)), new Text(value));
        return grid;
    }

    /// <summary>A cell's text: numbers rounded, times local, enums as the API spells them, lists joined.</summary>
    public static string Format(object? value) => value switch
    {
        null => None,
        string s => s,
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        Enum e => CliJson.Spell(e),
        IEnumerable<KeyValuePair<string, string>> pairs => string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}")),
        IEnumerable list => string.Join(" ", list.Cast<object?>().Select(Format)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? None,
    };

    private static IEnumerable<(string Field, string Value)> Flatten(string prefix, JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Flatten(prefix.Length == 0 ? p.Key : $"{prefix}.{p.Key}", p.Value)),
        JsonArray a when a.Any(e => e is JsonObject) => [],
        JsonArray { Count: 0 } => [(prefix, None)],
        JsonArray a => [(prefix, string.Join(" ", a.Select(e => Scalar(e))))],
        _ => [(prefix, Scalar(node))],
    };

    private static string Scalar(JsonNode? node) => node switch
    {
        null => None,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Format(v.GetValue<double>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
