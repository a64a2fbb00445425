using System.Collections.Immutable;
using System.Text;
using Orleans.Faas.Chains;

namespace Orleans.Faas.Gateway.Chains;

/// <summary>A chain run as the API shows it.</summary>
/// <param name="Output">The output as text when it is UTF-8; null otherwise or until the run completed.</param>
/// <param name="OutputBase64">The output's bytes, once the run completed.</param>
public sealed record ChainRunResponse(
    Guid Id,
    string Chain,
    int ChainVersion,
    ChainRunStatus Status,
    string? Host,
    int InputBytes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    int? FailedStep,
    string? Error,
    int? OutputBytes,
    string? Output,
    string? OutputBase64,
    ImmutableArray<ChainStepSnapshot> Steps)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ChainRunResponse From(ChainRunSnapshot r) => new(
        r.Id, r.Chain, r.ChainVersion, r.Status, r.Host, r.InputBytes, r.CreatedAt, r.FinishedAt, r.FailedStep, r.Error,
        r.Output?.Length, Text(r.Output), r.Output is { } output ? Convert.ToBase64String(output) : null, r.Steps);

    private static string? Text(byte[]? output)
    {
        if (output is null)
            return null;
        try
        {
            return StrictUtf8.GetString(output);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
