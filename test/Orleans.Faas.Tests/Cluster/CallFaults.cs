using System.Collections.Concurrent;

namespace Orleans.Faas.Tests.Cluster;

/// <summary>
/// Faults put into the calls that silos make, for races too narrow to hit from outside: a test names a method and the
/// task a call of it is about, and says what happens instead of the plain call (which the fault may still make).
/// </summary>
public sealed class CallFaults : IOutgoingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Method, Guid Task), Func<IOutgoingGrainCallContext, Task>> _faults = new();

    /// <summary>From now on, calls of <paramref name="method"/> about <paramref name="task"/> go through <paramref name="fault"/>.</summary>
    public void On(string method, Guid task, Func<IOutgoingGrainCallContext, Task> fault) => _faults[(method, task)] = fault;

    public void Clear(string method, Guid task) => _faults.TryRemove((method, task), out _);

    public Task Invoke(IOutgoingGrainCallContext context) =>
        _faults.TryGetValue((context.InterfaceMethod.Name, TaskOf(context)), out var fault) ? fault(context) : context.Invoke();

    /// <summary>The task a call is about: the grain's own key when it is a task id, else its first argument when that is one.</summary>
    private static Guid TaskOf(IOutgoingGrainCallContext context) =>
        context.TargetId.TryGetGuidKey(out var key, out _) ? key
        : context.Request.GetArgumentCount() > 0 && context.Request.GetArgument(0) is Guid task ? task
        : Guid.Empty;
}
