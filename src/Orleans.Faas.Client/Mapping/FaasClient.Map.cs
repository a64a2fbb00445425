using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>
    /// Invokes <paramref name="function"/> once per input with at most <paramref name="maxInFlight"/> invocations
    /// running at a time, and streams each input's result back as it is ready, in input order or as they finish. An
    /// item that fails is a result with its error; the others go on.
    /// </summary>
    public virtual IAsyncEnumerable<MapResult> Map(
        string function, IEnumerable<ReadOnlyMemory<byte>> inputs, int maxInFlight = 16, MapOrder order = MapOrder.Input, InvocationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        return order == MapOrder.Input
            ? InInputOrder(function, inputs, maxInFlight, options, cancellationToken)
            : AsCompleted(function, inputs, maxInFlight, options, cancellationToken);
    }

    // A window of started items, drained from its head: at most maxInFlight run or wait to be read at once.
    private async IAsyncEnumerable<MapResult> InInputOrder(
        string function, IEnumerable<ReadOnlyMemory<byte>> inputs, int maxInFlight, InvocationOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new Queue<Task<MapResult>>(maxInFlight);
        var index = 0;
        foreach (var input in inputs)
        {
            if (window.Count == maxInFlight)
                yield return await window.Dequeue();
            window.Enqueue(MapOne(function, index++, input, options, cancellationToken));
        }
        while (window.Count > 0)
            yield return await window.Dequeue();
    }

    private async IAsyncEnumerable<MapResult> AsCompleted(
        string function, IEnumerable<ReadOnlyMemory<byte>> inputs, int maxInFlight, InvocationOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = Channel.CreateBounded<MapResult>(maxInFlight);
        var producing = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(
                    inputs.Select((input, index) => (input, index)),
                    new ParallelOptions { MaxDegreeOfParallelism = maxInFlight, CancellationToken = stop.Token },
                    async (item, ct) => await finished.Writer.WriteAsync(await MapOne(function, item.index, item.input, options, ct), ct));
                finished.Writer.Complete();
            }
            catch (Exception e)
            {
                finished.Writer.Complete(e);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var result in finished.Reader.ReadAllAsync(cancellationToken))
                yield return result;
        }
        finally
        {
            // A reader that stops early (break, cancellation) stops the invocations still to start.
            await stop.CancelAsync();
            await producing;
        }
    }

    private async Task<MapResult> MapOne(string function, int index, ReadOnlyMemory<byte> input, InvocationOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return new MapResult { Index = index, Output = await InvokeAsync(function, input, options, cancellationToken) };
        }
        catch (FaasRequestException e)
        {
            return new MapResult { Index = index, Error = e };
        }
    }
}
