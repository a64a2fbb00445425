using System.Text;
using Orleans.Faas.Functions;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Cluster;

/// <summary>What tests do to a cluster fixture: register a scripted function and invoke it, wait for statuses.</summary>
public static class ClusterTasks
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<Guid> Invoke(
        this FaasClusterFixture fixture, string script, string input, Func<FunctionDefinition, FunctionDefinition>? adjust = null, InvocationOptions? options = null)
    {
        var name = await fixture.Register(script, adjust);
        return await fixture.Grains.GetGrain<IFunctionGrain>(name).Invoke(Encoding.UTF8.GetBytes(input), options ?? InvocationOptions.Default);
    }

    /// <summary>Registers a function of the scripted runner under a name of its own, and returns the name.</summary>
    public static async Task<string> Register(this FaasClusterFixture fixture, string script, Func<FunctionDefinition, FunctionDefinition>? adjust = null)
    {
        var name = $"{script}-{Guid.NewGuid():N}"[..30];
        var definition = FaasClusterFixture.Script(name, script);
        await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(adjust?.Invoke(definition) ?? definition);
        return name;
    }

    /// <summary>
    /// Runs <paramref name="test"/> while a blocked task pinned to each provider holds its one slot, with those tasks' ids; the
    /// blockers are let go and waited for afterwards whatever the test did with the gate.
    /// </summary>
    public static async Task WhileEverySlotIsHeld(this FaasClusterFixture fixture, Func<IReadOnlyList<Guid>, Task> test)
    {
        var blockers = new List<Guid>();
        try
        {
            // Pinned: a second placement on another silo, before the first one's load reached that silo's view, may
            // see both providers idle and queue behind the first blocker.
            foreach (var provider in fixture.ProviderIds)
                blockers.Add(await fixture.Invoke("block", "first", options: InvocationOptions.Default with { Provider = provider }));
            await fixture.WaitForStatus(blockers, TaskState.Running);
            await test(blockers);
        }
        finally
        {
            await fixture.WaitForStatus(blockers, TaskState.Completed, releaseEachPoll: true);
        }
    }

    /// <remarks>
    /// A read of a task whose activation was on a silo the test just killed goes there until the cluster declares the
    /// silo dead, and times out after Orleans' response timeout; that read is not an answer yet, and the next one is
    /// routed to the task's new activation.
    /// </remarks>
    public static Task WaitForStatus(this FaasClusterFixture fixture, IEnumerable<Guid> ids, TaskState status, bool releaseEachPoll = false, TimeSpan? patience = null) =>
        Poll.UntilAsync(
            async () =>
            {
                TaskSnapshot?[] tasks;
                try
                {
                    tasks = await Task.WhenAll(ids.Select(id => fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot()));
                }
                catch (TimeoutException)
                {
                    return null;
                }
                if (releaseEachPoll && tasks.Any(t => t!.Status != status))
                    fixture.Gate.Release();
                return tasks;
            },
            tasks => tasks is not null && tasks.All(t => t!.Status == status), patience ?? Patience, $"tasks {string.Join(", ", ids)} to reach {status}");
}
