namespace Orleans.Faas.Client;

/// <summary>How a function runs on its node.</summary>
public enum FunctionRuntime
{
    /// <summary>In a container of its image.</summary>
    Docker,

    /// <summary>As a local program on the node.</summary>
    Process,

    /// <summary>As Python code (source, an uploaded file or archive, or a dill-pickled callable) in the platform's Python image.</summary>
    Python,
}
