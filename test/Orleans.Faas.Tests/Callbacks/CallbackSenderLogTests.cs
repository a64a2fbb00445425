using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Faas.Callbacks;
using Orleans.Faas.HttpModel.Callbacks;

namespace Orleans.Faas.Tests.Callbacks;

public sealed class CallbackSenderLogTests
{
    [Fact]
    public async Task A_failed_attempt_is_one_line_with_its_reason_and_its_stack_only_at_debug()
    {
        var log = new Recording();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(log))
            .Configure<CallbackOptions>(o => o.AllowedNetworks = ["127.0.0.0/8"])
            .AddCallbackSender()
            .BuildServiceProvider();

        var reason = await services.GetRequiredService<CallbackSender>().Post($"http://127.0.0.1:{ClosedPort()}/done", [], [], CancellationToken.None);

        Assert.NotNull(reason);
        var line = Assert.Single(log.Entries, e => e.Level > LogLevel.Debug);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains(reason, line.Message, StringComparison.Ordinal);
        Assert.Null(line.Exception);
        Assert.All(log.Entries.Where(e => e.Exception is not null), e => Assert.Equal(LogLevel.Debug, e.Level));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Recording : ILoggerProvider
    {
        public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Recording recording, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                recording.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
