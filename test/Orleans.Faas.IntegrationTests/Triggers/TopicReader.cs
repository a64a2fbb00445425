using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Triggers;

/// <summary>
/// A <c>mosquitto_sub</c> on a persistent session at QoS 1, as a consumer of the result topic runs one: it connects
/// again by itself after the broker restarts, and gets what was queued for it meanwhile. One line a message.
/// </summary>
public sealed class TopicReader : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private TopicReader(MosquittoBroker broker, string topic)
    {
        var start = new ProcessStartInfo("mosquitto_sub") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", broker.Port.ToString(), "-c", "-i", $"reader-{Guid.NewGuid():N}"[..20], "-q", "1", "-t", topic })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto_sub did not start.");
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } data)
                _lines.Enqueue(data);
        };
        _process.BeginOutputReadLine();
    }

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Starts reading and returns once the broker holds the reader's subscription, so nothing published after is missed.</summary>
    public static async Task<TopicReader> Start(MosquittoBroker broker, string topic)
    {
        var reader = new TopicReader(broker, topic);
        var probe = $"probe-{Guid.NewGuid():N}";
        await Poll.UntilAsync(
            async () =>
            {
                await Programs.Run("mosquitto_pub", ["-h", "127.0.0.1", "-p", broker.Port.ToString(), "-q", "1", "-t", topic, "-m", probe]);
                return reader.Lines.Contains(probe);
            },
            FaasHttp.Patience, $"mosquitto_sub to be subscribed to {topic}", TimeSpan.FromMilliseconds(300));
        return reader;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }
}
