namespace Orleans.Faas.Chains;

/// <summary>A fan-out step's outputs, joined, come to more than <c>Faas:Chains:MaxJoinedOutputBytes</c>.</summary>
public sealed class JoinedOutputTooLargeException(int step, int maxBytes)
    : Exception($"its outputs joined are more than {maxBytes} bytes (Faas:Chains:MaxJoinedOutputBytes)")
{
    public int Step { get; } = step;
}
