using System.Collections.Immutable;
using System.Text;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Chains;

namespace Orleans.Faas.HttpModel.Chains;

/// <summary>A chain run as the API shows it, and as its callback is POSTed.</summary>
/// <param name="Output">The output as text when it is UTF-8; null otherwise or until the run completed.</param>
/// <param name="OutputBase64">The output's bytes, once the run completed.</param>
/// <param name="Callback">How delivering the finished run to its callback URL went; null without one or before it finished.</param>
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
    ImmutableArray<ChainStepSnapshot> Steps,
    CallbackStatus? Callback)
{
    public static ChainRunResponse From(ChainRunSnapshot r) => new(
        r.Id, r.Chain, r.ChainVersion, r.Status, r.Host, r.InputBytes, r.CreatedAt, r.FinishedAt, r.FailedStep, r.Error,
        r.Output?.Length, Text(r.Output), r.Output is { } output ? Convert.ToBase64String(output) : null, r.Steps, r.Callback);

    private static string? Text(byte[]? output) =>
        output is not null && System.Text.Unicode.Utf8.IsValid(output) ? Encoding.UTF8.GetString(output) : null;
}
