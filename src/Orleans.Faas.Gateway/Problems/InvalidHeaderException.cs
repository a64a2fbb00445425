namespace Orleans.Faas.Gateway.Problems;

/// <summary>A request header the gateway reads has a value it cannot take.</summary>
public sealed class InvalidHeaderException(string header, string message) : Exception(message)
{
    public string Header { get; } = header;
}
