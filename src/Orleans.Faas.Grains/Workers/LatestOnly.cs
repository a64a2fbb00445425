using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Orleans.Faas.Workers;

/// <summary>
/// Sends something that only matters as of now, such as a load report, from any thread: one send at a time, and asks
/// that arrive while one is under way make a single send after it, of whatever is latest by then. A send that throws
/// is logged; the next ask sends again.
/// </summary>
internal sealed partial class LatestOnly : IDisposable
{
    // Room for one ask: while one already waits, another adds nothing.
    private readonly Channel<bool> _asks = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Func<Task> _send;
    private readonly ILogger _logger;

    public LatestOnly(Func<Task> send, ILogger logger)
    {
        (_send, _logger) = (send, logger);
        // On the thread pool, not on the scheduler of whichever grain asked first.
        _ = Task.Run(SendEachAsk);
    }

    public void Ask() => _asks.Writer.TryWrite(true);

    /// <summary>Takes no more asks; a send under way finishes.</summary>
    public void Dispose() => _asks.Writer.TryComplete();

    private async Task SendEachAsk()
    {
        await foreach (var _ in _asks.Reader.ReadAllAsync())
        {
            try
            {
                await _send();
            }
            catch (Exception e)
            {
                LogSendFailed(_logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the latest state failed; the next change sends it again")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
