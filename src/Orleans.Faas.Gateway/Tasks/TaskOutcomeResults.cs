using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.HttpModel.Tasks;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Tasks;

/// <summary>How a task's result reads over HTTP: raw output bytes when it completed, a problem when it failed.</summary>
public static class TaskOutcomeResults
{
    public const string TaskIdHeader = "X-Faas-Task-Id";

    public static IResult Completed(HttpContext context, TaskResult result)
    {
        context.Response.Headers[TaskIdHeader] = result.Task.Id.ToString();
        return Results.Bytes(result.Output, "application/octet-stream");
    }

    /// <summary>
    /// The extension with what a pickled python function raised: base64 of the dill-pickled exception, which is also
    /// the failed task's output.
    /// </summary>
    public const string PickledException = "pickledException";

    public static IResult Failed(TaskResult result, int status)
    {
        var task = result.Task;
        var problem = Problem(task, status, "The function failed.", task.Error);
        if (task.FailureReason == FailureReasons.Exception && result.Output.Length > 0)
            problem.Extensions[PickledException] = System.Text.Encoding.ASCII.GetString(result.Output);
        return Results.Problem(problem);
    }

    /// <summary>A synchronous caller is told 503 when the node's runtime was down (retry later), else 502.</summary>
    public static int StatusOfFailedInvoke(TaskSnapshot task) => task.FailureReason == FailureReasons.RuntimeUnavailable
        ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status502BadGateway;

    public static IResult NotFinished(TaskSnapshot task) =>
        Results.Problem(Problem(task, StatusCodes.Status409Conflict, "The task has not finished.", $"The task is {task.Status}; poll {TaskUrls.Status(task.Id)}."));

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(TaskSnapshot task, int status, string title, string? detail)
    {
        var problem = ProblemCatalog.Problem(status, title, detail);
        problem.Extensions["taskId"] = task.Id;
        problem.Extensions["taskStatus"] = task.Status.ToString().ToUpperInvariant();
        problem.Extensions["failureReason"] = task.FailureReason;
        problem.Extensions["exitCode"] = task.ExitCode;
        return problem;
    }
}
