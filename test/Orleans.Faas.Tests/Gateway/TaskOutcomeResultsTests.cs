using Microsoft.AspNetCore.Http;
using Orleans.Faas.Gateway.Tasks;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Gateway;

public sealed class TaskOutcomeResultsTests
{
    [Theory]
    [InlineData(FailureReasons.RuntimeUnavailable, StatusCodes.Status503ServiceUnavailable)]
    [InlineData(FailureReasons.StartFailed, StatusCodes.Status502BadGateway)]
    [InlineData(FailureReasons.NonZeroExit, StatusCodes.Status502BadGateway)]
    [InlineData(FailureReasons.Timeout, StatusCodes.Status502BadGateway)]
    public void A_failed_sync_invoke_is_503_only_when_the_runtime_was_down(string reason, int status)
    {
        var task = new TaskSnapshot(Guid.NewGuid(), "f", 1, TaskState.Failed, "node", 1, DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch, null, reason, "error", 0, 0);

        Assert.Equal(status, TaskOutcomeResults.StatusOfFailedInvoke(task));
    }
}
