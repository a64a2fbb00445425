namespace Orleans.Faas.Client;

/// <summary>A registered version of a function, every default filled in by the platform.</summary>
public sealed record FunctionVersion : FunctionDefinition
{
    /// <summary>1 for the first registration, one more for each registration that changed something.</summary>
    public int Version { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The namespace it belongs to; <see cref="FunctionDefinition.Name"/> is its name within it.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The code file uploaded with it (python), described; null when none was.</summary>
    public CodeFileInfo? Code { get; init; }
}
