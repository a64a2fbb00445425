namespace Orleans.Faas.Client;

/// <summary>How a function runs on its node.</summary>
public enum FunctionRuntime
{
    /// <summary>In a container of its image.</summary>
    Docker,

    /// <summary>As a local program on the node.</summary>
    Process,
}
