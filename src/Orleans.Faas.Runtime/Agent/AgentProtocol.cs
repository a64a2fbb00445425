using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Agent;

/// <summary>
/// The node's side of the agent's socket protocol (see faas-agent.c): one request with the input, then stdout and
/// stderr frames as the run writes them, an exception frame when a kept server reports one, then the report.
/// </summary>
internal static class AgentProtocol
{
    private const byte StdoutFrame = 1;
    private const byte StderrFrame = 2;
    private const byte ReportFrame = 3;
    private const byte ExceptionFrame = 4;
    private const int MaxFrameBytes = 1 << 20;

    public static async Task SendAsync(Stream agent, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)input.Length);
        await agent.WriteAsync(length, cancellationToken);
        await agent.WriteAsync(input, cancellationToken);
    }

    /// <summary>Copies the run's output into the sinks as it arrives and returns the report that ends it.</summary>
    /// <exception cref="EndOfStreamException">The agent went away before reporting (its container was killed).</exception>
    public static async Task<AgentReport> ReceiveAsync(Stream agent, ByteSink stdout, ByteSink stderr, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        var buffer = ArrayPool<byte>.Shared.Rent(MaxFrameBytes);
        string? exception = null;
        try
        {
            while (true)
            {
                await agent.ReadExactlyAsync(header, cancellationToken);
                var length = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(1));
                if (length > MaxFrameBytes)
                    throw new InvalidDataException($"The agent sent a frame of {length} bytes; at most {MaxFrameBytes} are allowed.");
                var payload = buffer.AsMemory(0, (int)length);
                await agent.ReadExactlyAsync(payload, cancellationToken);
                switch (header[0])
                {
                    case StdoutFrame:
                        stdout.Append(payload.Span);
                        break;
                    case StderrFrame:
                        stderr.Append(payload.Span);
                        break;
                    case ExceptionFrame:
                        exception = Encoding.UTF8.GetString(payload.Span);
                        break;
                    case ReportFrame:
                        return AgentReport.Parse(payload.Span) with { Exception = exception };
                    default:
                        throw new InvalidDataException($"The agent sent a frame of unknown kind {header[0]}.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
