using System.Text;

namespace Orleans.Faas.Client;

/// <summary>One input's task in a batch, with its output once it completed.</summary>
public sealed record BatchItem
{
    /// <summary>The input's position in the batch, from 0.</summary>
    public int Index { get; init; }

    public Guid TaskId { get; init; }

    public TaskState Status { get; init; }

    /// <summary>A completed task's output, as text or base64 as <see cref="OutputEncoding"/> says; see <see cref="OutputBytes"/>.</summary>
    public string? Output { get; init; }

    /// <summary><c>utf8</c> or <c>base64</c>; null without output.</summary>
    public string? OutputEncoding { get; init; }

    public string? FailureReason { get; init; }

    public string? Error { get; init; }

    /// <summary>The output's bytes, whichever way it was sent; null without output.</summary>
    public byte[]? OutputBytes() => Output is null ? null : OutputEncoding == "base64" ? Convert.FromBase64String(Output) : Encoding.UTF8.GetBytes(Output);
}
