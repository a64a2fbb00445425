using Microsoft.Extensions.Options;
using Orleans.Faas.Batches;
using Orleans.Faas.Functions;
using Orleans.Faas.Resilience;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Chains;

/// <summary>
/// Runs one step of a chain as the platform runs any work: a task through <see cref="IFunctionGrain"/>, or, for a
/// fan-out step, a batch through <see cref="IBatchGrain"/>. Every call is safe to repeat after the caller's silo died.
/// </summary>
public sealed class ChainSteps(IGrainFactory grains, IOptions<ChainOptions> options)
{
    // Each wait stays well inside Orleans' response timeout; a step that runs longer is waited for again.
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(10);
    private const int ItemPage = 1000;

    /// <summary>
    /// Submits the step's task under <paramref name="taskId"/> unless it exists, waiting for room while every queue is
    /// full, and waits for it to finish.
    /// </summary>
    public async Task<StepOutcome> RunTask(ChainStep step, Guid taskId, Func<Task<byte[]>> input)
    {
        var task = grains.GetGrain<ITaskGrain>(taskId);
        if (await task.GetSnapshot() is null)
        {
            var bytes = await input();
            try
            {
                await ClusterCalls.UntilAdmitted.ExecuteAsync(async _ =>
                    await grains.GetGrain<IFunctionGrain>(step.Function).InvokeAs(taskId, bytes, InvocationOptions.Default));
            }
            catch (Exception e) when (IsRefusal(e))
            {
                return StepOutcome.RefusedBecause(e);
            }
        }

        TaskSnapshot? snapshot;
        while ((snapshot = await task.WaitUntilFinished(WaitSlice)) is { IsFinished: false })
        {
        }
        if (snapshot is null)
            throw new InvalidOperationException($"Task '{taskId}' of step {step.Function} was submitted but does not exist.");
        return snapshot.Status == TaskState.Completed
            ? StepOutcome.Completed(snapshot.FunctionVersion)
            : StepOutcome.Failed(snapshot.FunctionVersion, snapshot.FailureReason, $"task {taskId}: {snapshot.Error}");
    }

    /// <summary>
    /// Starts the step's batch under <paramref name="batchId"/> unless it exists, one input per line, waiting for room
    /// while every queue is full, and waits for all of it; null when the input has no lines, so there is nothing to start.
    /// An input of more than <c>Faas:Chains:MaxFanOutItems</c> lines starts nothing and fails the step.
    /// </summary>
    public async Task<StepOutcome?> RunBatch(ChainStep step, Guid batchId, Func<Task<byte[]>> input)
    {
        var batch = grains.GetGrain<IBatchGrain>(batchId);
        if (await batch.GetSnapshot() is null)
        {
            if (LineFanOut.Split(await input(), options.Value.MaxFanOutItems) is not { } inputs)
                return StepOutcome.TooManyLines(options.Value.MaxFanOutItems);
            if (inputs.IsEmpty)
                return null;
            try
            {
                await ClusterCalls.UntilAdmitted.ExecuteAsync(async _ => await batch.Start(new BatchRequest(step.Function, inputs, InvocationOptions.Default)));
            }
            catch (Exception e) when (IsRefusal(e))
            {
                return StepOutcome.RefusedBecause(e);
            }
        }

        BatchSnapshot? snapshot;
        while ((snapshot = await batch.WaitUntilFinished(WaitSlice)) is { IsFinished: false })
        {
        }
        if (snapshot is null)
            throw new InvalidOperationException($"Batch '{batchId}' of step {step.Function} was started but does not exist.");
        if (snapshot.Failed == 0)
            return StepOutcome.Completed(snapshot.FunctionVersion);

        var failed = await Items(batch, snapshot.Total).FirstAsync(i => i.Status == TaskState.Failed);
        return StepOutcome.Failed(snapshot.FunctionVersion, failed.FailureReason,
            $"batch {batchId}: {snapshot.Failed} of {snapshot.Total} inputs failed, the first input {failed.Index} as task {failed.TaskId}: {failed.Error}");
    }

    /// <summary>What a completed step gave: its task's output, or its batch's outputs joined line by line.</summary>
    /// <exception cref="JoinedOutputTooLargeException">The batch's outputs joined would be more than <c>Faas:Chains:MaxJoinedOutputBytes</c>.</exception>
    public async Task<byte[]> OutputOf(ChainStepRecord step, int index)
    {
        if (step.TaskId is { } taskId)
            return (await grains.GetGrain<ITaskGrain>(taskId).GetResult())?.Output
                ?? throw new InvalidOperationException($"Task '{taskId}' completed but does not exist.");
        if (step.BatchId is not { } batchId)
            return [];
        var batch = grains.GetGrain<IBatchGrain>(batchId);
        var total = (await batch.GetSnapshot())?.Total ?? throw new InvalidOperationException($"Batch '{batchId}' completed but does not exist.");
        return await LineFanOut.Join(Items(batch, total).Select(i => i.Output ?? []), options.Value.MaxJoinedOutputBytes)
            ?? throw new JoinedOutputTooLargeException(index, options.Value.MaxJoinedOutputBytes);
    }

    /// <summary>The batch's items in input order, a page at a time; a page may end early when its outputs are large.</summary>
    private static async IAsyncEnumerable<BatchItem> Items(IBatchGrain batch, int total)
    {
        for (var offset = 0; offset < total;)
        {
            var page = await batch.GetItems(offset, ItemPage) ?? [];
            if (page.IsEmpty)
                yield break;
            foreach (var item in page)
                yield return item;
            offset += page.Length;
        }
    }

    /// <summary>Errors that mean the step cannot run now, as opposed to the cluster being briefly unreachable.</summary>
    private static bool IsRefusal(Exception e) =>
        e is FunctionNotFoundException or NoProviderAvailableException or UnmetConstraintException or PinnedProviderUnavailableException;
}
