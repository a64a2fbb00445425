using Microsoft.AspNetCore.Http;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Tests.Gateway;

public sealed class ProblemCatalogTests
{
    [Fact]
    public void Full_queues_are_a_429_carrying_the_wait_the_handler_sends_as_retry_after()
    {
        var problem = ProblemCatalog.For(new QueueFullException("Every provider that can run 'f' now has a full queue.", 2.5))!;

        Assert.Equal(StatusCodes.Status429TooManyRequests, problem.Status);
        Assert.Equal(2.5, problem.Extensions[ProblemCatalog.Wait]);
        Assert.Contains("full queue", problem.Detail);
    }
}
