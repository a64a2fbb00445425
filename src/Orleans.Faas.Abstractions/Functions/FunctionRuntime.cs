namespace Orleans.Faas.Functions;

/// <summary>How a node runs a function: in a container or as a local process.</summary>
[GenerateSerializer]
public enum FunctionRuntime
{
    Docker = 0,
    Process = 1,
}
