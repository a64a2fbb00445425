using Orleans.Faas.Gateway.Executions;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.History;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Gateway;

public sealed class ExecutionPageTokenTests
{
    [Fact]
    public void A_token_reads_back_as_the_exact_place_of_the_record_it_was_made_after()
    {
        var finished = new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.FromHours(2)).AddTicks(7);
        var last = new ExecutionRecord(Guid.Parse("80000000-0000-0000-0000-0000000000ff"), 3, "resize", 1, "node-a", 42, finished, finished, finished,
            2000, CpuMs: null, PeakMemoryBytes: null, ExitCode: 0, TaskState.Completed, FailureReason: null);

        var token = ExecutionPageToken.After(last);

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(new ExecutionCursor(finished, last.TaskId, 3), ExecutionPageToken.Read(token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("__________8AAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("f_________8AAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_else_is_an_invalid_before_parameter(string token)
    {
        var error = Assert.Throws<InvalidQueryException>(() => ExecutionPageToken.Read(token));

        Assert.Equal("before", error.Parameter);
    }
}
