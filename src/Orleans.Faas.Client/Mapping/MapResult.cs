namespace Orleans.Faas.Client;

/// <summary>One input's outcome in a map: its output, or the error that item alone met.</summary>
public sealed record MapResult
{
    /// <summary>The input's position, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>The function's output; empty when the item failed.</summary>
    public ReadOnlyMemory<byte> Output { get; init; }

    /// <summary>Why the item failed (the function failed, or its request did); null when it succeeded.</summary>
    public FaasRequestException? Error { get; init; }

    public bool Succeeded => Error is null;
}
