using System.Text;
using Orleans.Faas.Batches;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.HttpModel.Batches;

/// <summary>One item of a batch as the API shows it.</summary>
/// <param name="Output">A completed task's output: its text when it is valid UTF-8, else base64, as <paramref name="OutputEncoding"/> says.</param>
/// <param name="OutputEncoding"><c>utf8</c> or <c>base64</c>; null without output.</param>
public sealed record BatchItemResponse(
    int Index,
    Guid TaskId,
    TaskState Status,
    string? Output,
    string? OutputEncoding,
    string? FailureReason,
    string? Error)
{
    public const string Utf8 = "utf8";
    public const string Base64 = "base64";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static BatchItemResponse From(BatchItem item)
    {
        var (output, encoding) = item.Output switch
        {
            null => ((string?)null, (string?)null),
            var bytes when IsUtf8(bytes) => (StrictUtf8.GetString(bytes), Utf8),
            var bytes => (Convert.ToBase64String(bytes), Base64),
        };
        return new(item.Index, item.TaskId, item.Status, output, encoding, item.FailureReason, item.Error);
    }

    private static bool IsUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
}
