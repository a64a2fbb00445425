namespace Orleans.Faas.Functions;

[GenerateSerializer, Alias("faas.FunctionRecord")]
public sealed class FunctionRecord
{
    /// <summary>Every live version, oldest first; empty once the function is deleted.</summary>
    [Id(0)]
    public List<FunctionVersion> Versions { get; set; } = [];

    /// <summary>Survives deletion so that a re-registered function never reuses a version number.</summary>
    [Id(1)]
    public int LastVersion { get; set; }
}
