namespace Orleans.Faas.Client;

/// <summary>The gateway's answer to a batch read: the batch, and a page of its items when it gave one.</summary>
internal sealed record BatchPage
{
    public IReadOnlyList<BatchItem>? Items { get; init; }
}
