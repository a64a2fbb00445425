using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Functions;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

    private static readonly FunctionDefinition Valid = new(
        "hello", FunctionRuntime.Process, null, ["/bin/true"], ImmutableDictionary<string, string>.Empty, 0, 0, TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 10)] // 16 s, capped
    [InlineData(60, 10)]
    public void The_delay_doubles_up_to_the_cap_and_is_drawn_from_its_upper_half(int failedRuns, double ceilingSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds / 2), Policy.DelayAfter(failedRuns, 0));
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds * 0.75), Policy.DelayAfter(failedRuns, 0.5));
        Assert.InRange(Policy.DelayAfter(failedRuns, 0.999999), TimeSpan.FromSeconds(ceilingSeconds * 0.999), TimeSpan.FromSeconds(ceilingSeconds));
    }

    [Fact]
    public void A_zero_backoff_retries_at_once() =>
        Assert.Equal(TimeSpan.Zero, (Policy with { Backoff = TimeSpan.Zero }).DelayAfter(3, 0.9));

    [Theory]
    [InlineData(FailureReasons.NonZeroExit, true)]
    [InlineData(FailureReasons.Timeout, true)]
    [InlineData(FailureReasons.Exception, true)]
    [InlineData(FailureReasons.OutOfMemory, false)]
    [InlineData(FailureReasons.OutputTooLarge, false)]
    [InlineData(FailureReasons.StartFailed, false)]
    [InlineData(FailureReasons.Cancelled, false)]
    [InlineData(FailureReasons.ProviderLost, false)]
    public void Without_conditions_every_failure_of_the_function_itself_is_retried(string reason, bool retried) =>
        Assert.Equal(retried, Policy.Covers(reason, 3, "ValueError: no"));

    [Theory]
    [InlineData(FailureReasons.NonZeroExit, 3, null, true)]
    [InlineData(FailureReasons.NonZeroExit, 4, null, false)]
    [InlineData(FailureReasons.Timeout, null, null, false)]
    [InlineData(FailureReasons.Exception, null, "ValueError: bad input", true)]
    [InlineData(FailureReasons.Exception, null, "main.Busy: try later", true)]
    [InlineData(FailureReasons.Exception, null, "other.Busy: try later", true)]
    [InlineData(FailureReasons.Exception, null, "KeyError: 'x'", false)]
    [InlineData(FailureReasons.Exception, null, "main.NotBusy: no", false)]
    public void Listed_conditions_retry_only_what_they_list(string reason, int? exitCode, string? exception, bool retried)
    {
        var listed = Policy with { On = new RetryOn([3, 75], false, ["ValueError", "Busy"]) };

        Assert.Equal(retried, listed.Covers(reason, exitCode, exception));
    }

    [Fact]
    public void A_qualified_exception_type_matches_only_that_module() =>
        Assert.False((Policy with { On = new RetryOn([], true, ["main.Busy"]) }).Covers(FailureReasons.Exception, null, "other.Busy: no"));

    [Theory]
    [InlineData(0, 1, 10, "retry.maxAttempts")]
    [InlineData(21, 1, 10, "retry.maxAttempts")]
    [InlineData(3, -1, 10, "retry.backoffSeconds")]
    [InlineData(3, 3601, 3601, "retry.backoffSeconds")]
    [InlineData(3, 5, 4, "retry.maxBackoffSeconds")]
    [InlineData(3, 1, 3601, "retry.maxBackoffSeconds")]
    public void Out_of_bounds_values_are_named_by_their_field(int maxAttempts, double backoff, double maxBackoff, string field)
    {
        var policy = new RetryPolicy(maxAttempts, TimeSpan.FromSeconds(backoff), TimeSpan.FromSeconds(maxBackoff));

        Assert.Contains(field, FunctionDefinitionValidator.Validate(Valid with { Retry = policy }).Keys);
    }

    [Theory]
    [InlineData(0, "x", "retry.on.exitCodes")]
    [InlineData(256, "x", "retry.on.exitCodes")]
    [InlineData(1, "", "retry.on.exceptionTypes")]
    [InlineData(1, "Value Error", "retry.on.exceptionTypes")]
    [InlineData(1, "main..Busy", "retry.on.exceptionTypes")]
    public void Bad_conditions_are_named_by_their_field(int exitCode, string exceptionType, string field)
    {
        var policy = Policy with { On = new RetryOn([exitCode], false, [exceptionType]) };

        Assert.Equal([field], FunctionDefinitionValidator.Validate(Valid with { Retry = policy }).Keys);
    }

    [Fact]
    public void A_valid_policy_passes_and_compares_by_content()
    {
        var policy = Policy with { On = new RetryOn([3], true, ["ValueError"]) };

        Assert.Empty(FunctionDefinitionValidator.Validate(Valid with { Retry = policy }));
        Assert.True(SameDefinition.As(Valid with { Retry = policy }, Valid with { Retry = policy with { On = new RetryOn([3], true, ["ValueError"]) } }));
        Assert.False(SameDefinition.As(Valid with { Retry = policy }, Valid with { Retry = policy with { On = new RetryOn([4], true, ["ValueError"]) } }));
        Assert.False(SameDefinition.As(Valid with { Retry = policy }, Valid));
    }
}
