using Docker.DotNet.Models;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>The first error in an engine progress stream: a failed pull or import is reported there, not always as an error status.</summary>
internal sealed class ProgressErrors : IProgress<JSONMessage>
{
    public string? First { get; private set; }

    public void Report(JSONMessage value)
    {
        var error = value.Error?.Message is { Length: > 0 } message ? message : value.ErrorMessage;
        if (First is null && !string.IsNullOrEmpty(error))
            First = error;
    }
}
