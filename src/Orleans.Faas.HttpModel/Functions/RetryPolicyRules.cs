using System.Text.RegularExpressions;
using Orleans.Faas.Functions;

namespace Orleans.Faas.HttpModel.Functions;

/// <summary>The bounds of a function's retry policy, each problem under the field it is about.</summary>
public static partial class RetryPolicyRules
{
    public const int MaxAttempts = 20;
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    public const int MaxListed = 32;

    /// <summary>What is wrong with <paramref name="policy"/>, as (field, problem); empty when nothing is.</summary>
    public static IEnumerable<(string Field, string Problem)> Problems(RetryPolicy? policy)
    {
        if (policy is null)
            yield break;
        if (policy.MaxAttempts is < 1 or > MaxAttempts)
            yield return ("retry.maxAttempts", $"Retry max attempts must be between 1 and {MaxAttempts}: the runs in all, the first included.");
        if (policy.Backoff < TimeSpan.Zero || policy.Backoff > MaxBackoff)
            yield return ("retry.backoffSeconds", $"Retry backoff must be between 0 and {MaxBackoff.TotalSeconds} seconds.");
        if (policy.MaxBackoff < policy.Backoff || policy.MaxBackoff > MaxBackoff)
            yield return ("retry.maxBackoffSeconds", $"Retry max backoff must be at least the backoff and at most {MaxBackoff.TotalSeconds} seconds.");
        if (policy.On is not { } on)
            yield break;
        if (on.ExitCodes.IsDefault || on.ExitCodes.Length > MaxListed || on.ExitCodes.Any(code => code is < 1 or > 255))
            yield return ("retry.on.exitCodes", $"Retry exit codes must be a list of at most {MaxListed} codes between 1 and 255.");
        if (on.ExceptionTypes.IsDefault || on.ExceptionTypes.Length > MaxListed || on.ExceptionTypes.Any(type => !TypeName().IsMatch(type ?? "")))
            yield return ("retry.on.exceptionTypes", $"Retry exception types must be a list of at most {MaxListed} Python type names, e.g. 'ValueError' or 'main.Busy'.");
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex TypeName();
}
