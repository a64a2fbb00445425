namespace Orleans.Faas.Functions;

/// <summary>How a node runs a function: in a container of its image, as a local process, or as Python code in the platform's Python image.</summary>
[GenerateSerializer]
public enum FunctionRuntime
{
    Docker = 0,
    Process = 1,
    Python = 2,
}
