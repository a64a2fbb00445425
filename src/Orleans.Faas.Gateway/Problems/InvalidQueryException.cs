namespace Orleans.Faas.Gateway.Problems;

/// <summary>A query-string parameter is out of its allowed range.</summary>
public sealed class InvalidQueryException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
