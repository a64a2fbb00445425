using System.Collections.Immutable;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Compat.Mpcs;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Gateway.Compat;

public sealed class MpcsProblemsTests
{
    [Fact]
    public async Task Storage_away_is_502_as_MPCS_answered_for_its_Redis()
    {
        foreach (var away in new Exception[] { new ChangeNotStoredException("connection refused"), new TaskNotStoredException(Guid.NewGuid(), "connection refused") })
        {
            var problem = await Answer(away);
            Assert.Equal(StatusCodes.Status502BadGateway, problem.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(problem.ProblemDetails.Detail));
            Assert.DoesNotContain("connection refused", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_pickle_that_did_not_load_is_400_with_the_python_error_as_detail()
    {
        var invalid = new InvalidFunctionDefinitionException(ImmutableDictionary<string, string[]>.Empty.Add("pickled", ["UnpicklingError: pickle data was truncated"]));

        var problem = await Answer(invalid);

        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Equal("UnpicklingError: pickle data was truncated", problem.ProblemDetails.Detail);
    }

    [Fact]
    public async Task Unknown_functions_and_tasks_are_404_with_detail()
    {
        foreach (var unknown in new Exception[] { new FunctionNotFoundException("mpcs-x"), new TaskNotFoundException(Guid.NewGuid()), new MpcsUnknownTaskException("abc") })
        {
            var problem = await Answer(unknown);
            Assert.Equal(StatusCodes.Status404NotFound, problem.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(problem.ProblemDetails.Detail));
        }
    }

    [Fact]
    public async Task Anything_else_is_left_to_the_gateway()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Answer(new InvalidOperationException("a bug")));
    }

    private static async Task<ProblemHttpResult> Answer(Exception thrown)
    {
        var context = new DefaultEndpointFilterInvocationContext(new DefaultHttpContext());
        var answer = await new MpcsProblems(NullLogger<MpcsProblems>.Instance).InvokeAsync(context, _ => throw thrown);
        return Assert.IsType<ProblemHttpResult>(answer);
    }
}

public sealed class FailurePickleTests
{
    [Fact]
    public void A_raised_exception_is_the_pickle_the_container_made()
    {
        var result = new TaskResult(Failed(FailureReasons.Exception, "KeyError: 'k'"), Encoding.ASCII.GetBytes("gASVKAAAAAAAAAA="), "");

        Assert.Equal("gASVKAAAAAAAAAA=", FailurePickle.Of(result));
    }

    [Fact]
    public void A_timeout_is_a_pickled_builtin_TimeoutError_saying_why()
    {
        var result = new TaskResult(Failed(FailureReasons.Timeout, "ran over 30 s"), [], "");

        // What Python's pickle.loads reads as TimeoutError('timeout: ran over 30 s'): builtins.TimeoutError called on a 1-tuple.
        Assert.Equal("gAJjYnVpbHRpbnMKVGltZW91dEVycm9yClgWAAAAdGltZW91dDogcmFuIG92ZXIgMzAgc3EAhXEBUnECLg==", FailurePickle.Of(result));
    }

    private static TaskSnapshot Failed(string reason, string error) => new(
        Guid.NewGuid(), "default/mpcs-f", 1, TaskState.Failed, "node", 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
        null, reason, error, 0, 0);
}
