
using Orleans.Faas.HttpModel.Tasks;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Invocations;

/// <summary>The 202 body of an invocation that has not finished: where to poll for it.</summary>
public sealed record InvocationAccepted(Guid TaskId, TaskState Status, string StatusUrl, string ResultUrl)
{
    public static InvocationAccepted For(Guid taskId, TaskState status) =>
        new(taskId, status, TaskUrls.Status(taskId), TaskUrls.Result(taskId));
}
