using Microsoft.AspNetCore.Http;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;
using Orleans.Serialization;

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

    [Fact]
    public void A_call_that_failed_because_the_database_is_away_is_a_503_with_a_wait_whether_or_not_the_gateway_knows_the_database_client()
    {
        var inSilo = new OrleansException("Error from storage provider during ReadStateAsync", new DatabaseAwayException("connection refused"));
        var standalone = new OrleansException("Error from storage provider during ReadStateAsync", StandIn("Npgsql.NpgsqlException"));

        foreach (var exception in new Exception[] { inSilo, standalone })
        {
            var problem = ProblemCatalog.For(exception)!;
            Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.Status);
            Assert.True(problem.Extensions.ContainsKey(ProblemCatalog.Wait));
        }
        Assert.Null(ProblemCatalog.For(new OrleansException("Something else", StandIn("Other.Thing"))));
    }

    [Fact]
    public void Unreachable_silos_and_unstored_tasks_are_told_without_the_addresses_and_ids_their_messages_carry()
    {
        var unreachable = new SiloUnavailableException("The target silo became unavailable for message: Request [S10.9.8.7:11111:1 sys.client/hosted-10.9.8.7:30000]->[task/5c9f]");
        var notStored = new TaskNotStoredException(Guid.NewGuid(), "Failed to connect to 10.9.8.7:5432");

        foreach (var exception in new Exception[] { unreachable, notStored })
        {
            var problem = ProblemCatalog.For(exception)!;
            Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.Status);
            Assert.DoesNotContain("10.9.8.7", problem.Detail);
            Assert.DoesNotContain("5c9f", problem.Detail);
        }
    }

    /// <summary>What Orleans' exception codec makes of an exception whose type this process does not have.</summary>
    private static UnavailableExceptionFallbackException StandIn(string type)
    {
        var standIn = new UnavailableExceptionFallbackException();
        typeof(UnavailableExceptionFallbackException).GetProperty(nameof(standIn.ExceptionType))!.SetValue(standIn, type);
        return standIn;
    }
}
