namespace Orleans.Faas.Chains;

[GenerateSerializer, Alias("faas.ChainRecord")]
public sealed class ChainRecord
{
    /// <summary>Every live version, oldest first; empty once the chain is deleted.</summary>
    [Id(0)]
    public List<ChainVersion> Versions { get; set; } = [];

    /// <summary>Survives deletion so that a redefined chain never reuses a version number.</summary>
    [Id(1)]
    public int LastVersion { get; set; }

    /// <summary>The key its runs' callbacks are signed with: made at the first definition, kept across versions.</summary>
    [Id(2)]
    public string? CallbackSecret { get; set; }
}
