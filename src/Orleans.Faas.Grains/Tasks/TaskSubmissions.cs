using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Tasks;

/// <summary>How an invocation becomes a task, the same for one input and for every input of a batch.</summary>
public static class TaskSubmissions
{
    /// <remarks>
    /// Placement predicts from the profile as it is now, and the node gives the run its cache need; the task carries
    /// both, so neither costs a call back to the function.
    /// </remarks>
    /// <exception cref="InvalidFeatureValuesException">The options' feature values do not meet the function's declared features.</exception>
    public static TaskSubmission For(InvocationPlan plan, byte[] input, InvocationOptions options, BatchMembership? batch = null)
    {
        DeclaredFeatureRules.Check(plan.Version.Definition, options.Features);
        var inputSize = options.InputSize ?? input.Length;
        return new TaskSubmission(
            plan.Version, input, inputSize, options.Provider, ProfileInterpolation.Estimate(plan.ProfilePoints, inputSize), plan.CacheWays, batch, options.CallbackUrl, plan.Code,
            options.Features is { Count: > 0 } features ? features : null, Deadline: options.Deadline);
    }
}
