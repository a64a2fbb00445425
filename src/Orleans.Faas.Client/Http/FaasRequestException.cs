using System.Net;

namespace Orleans.Faas.Client;

/// <summary>
/// The one exception the client throws for a request that did not succeed: the gateway's HTTP status and problem, or
/// status 0 when the gateway could not be reached or did not answer in time.
/// </summary>
public class FaasRequestException : Exception
{
    public FaasRequestException(string message)
        : base(message)
    {
    }

    public FaasRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FaasRequestException(int status, string message, FaasProblem? problem = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Problem = problem;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status; 0 when no answer came (unreachable, timed out).</summary>
    public int Status { get; }

    /// <summary>The problem the gateway sent, when it sent one.</summary>
    public FaasProblem? Problem { get; }

    /// <summary>How long the gateway asked to wait before trying again (a busy benchmark slot, an overloaded cluster).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when no answer came from the gateway at all.</summary>
    public bool IsUnreachable => Status == 0;

    /// <summary>True when the gateway said the thing asked for does not exist.</summary>
    public bool IsNotFound => Status == (int)HttpStatusCode.NotFound;

    /// <summary>True when the problem is a function whose task failed (its reason is in <see cref="FaasProblem.FailureReason"/>).</summary>
    public bool IsFunctionFailure => Problem?.FailureReason is not null;
}
