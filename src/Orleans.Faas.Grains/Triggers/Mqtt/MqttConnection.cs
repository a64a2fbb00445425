using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using Polly;
using Polly.Retry;

namespace Orleans.Faas.Triggers.Mqtt;

/// <summary>
/// One MQTT client kept connected to its trigger's broker and subscribed to its topic filter: it connects, and after
/// every loss connects again, with exponential backoff and jitter, until it is disposed. Its session is persistent (a
/// stable client id, clean session off), so the broker keeps what it has not had acknowledged, and sends it again
/// after a reconnect, also to the client that takes over the id on another silo.
/// </summary>
public sealed partial class MqttConnection : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly MqttSubscription _subscription;
    private readonly string _clientId;
    private readonly MqttOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ConnectionState _state = new(false, null, null);
    private int _generation;

    public MqttConnection(
        MqttSubscription subscription, string clientId, Func<MqttApplicationMessageReceivedEventArgs, Task> received,
        MqttOptions options, TimeProvider clock, ILogger logger)
    {
        (_subscription, _clientId, _options, _clock, _logger) = (subscription, clientId, options, clock, logger);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += received;
        _client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected)
                _lost.TrySetResult(e.Exception?.Message ?? $"the broker closed the connection ({e.Reason})");
            return Task.CompletedTask;
        };
    }

    /// <summary>Whether it is connected and subscribed, since when, and why it last lost or could not make its connection.</summary>
    public ConnectionState State => _state;

    /// <summary>
    /// Counts the connections made: a message is acknowledged (or its failure drops the connection) only on the
    /// connection it came on, since the broker gives the packet identifiers of one connection's unacknowledged messages
    /// to their second delivery on the next.
    /// </summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>
    /// Connects and subscribes, and again after every loss, until disposed. Runs its loop on the caller's scheduler:
    /// <paramref name="subscribed"/> is called there after each subscription.
    /// </summary>
    /// <param name="credentials">The user name and password to connect with, read anew for each attempt; nulls for none.</param>
    /// <param name="cleanSession">Whether the next connection starts a new session, dropping what the broker kept for the client id.</param>
    public async Task Run(Func<Task<(string? User, byte[]? Password)>> credentials, Func<bool> cleanSession, Func<Task> subscribed)
    {
        var stop = _stop.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var clean = cleanSession();
                await Reconnects().ExecuteAsync(async token => await Connect(credentials, clean, token), stop);
                var lost = _lost;
                Interlocked.Increment(ref _generation);
                _state = new ConnectionState(true, _clock.GetUtcNow(), _state.LastError);
                LogConnected(_subscription.Url, _clientId, clean);
                await subscribed();
                var reason = await lost.Task.WaitAsync(stop);
                _state = new ConnectionState(false, _clock.GetUtcNow(), reason);
                LogLost(_subscription.Url, _clientId, reason);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the client disconnects, and the broker keeps the session.
        }
    }

    /// <summary>Publishes one message at the subscription's QoS, trying again (after a reconnect) until the broker took it or the connection is disposed.</summary>
    public Task Publish(string topic, byte[] payload) => Reconnects().ExecuteAsync(async token =>
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(Qos).Build();
        var result = await _client.PublishAsync(message, token);
        if (!result.IsSuccess)
            throw new MqttRefusedException($"the broker refused a result on '{topic}': {result.ReasonCode} {result.ReasonString}");
    }, _stop.Token).AsTask();

    /// <summary>Drops the connection of <paramref name="generation"/>, so that the broker sends what was not acknowledged again once it is made anew.</summary>
    public async Task Drop(int generation, string reason)
    {
        if (generation != Generation || !_client.IsConnected)
            return;
        LogDropping(_clientId, reason);
        _state = _state with { LastError = reason };
        try
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.UnspecifiedError).Build());
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException)
        {
            // Already gone.
        }
        _lost.TrySetResult(reason);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_client.IsConnected)
            await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection, "the trigger stopped or moved");
        _client.Dispose();
        _stop.Dispose();
    }

    private MqttQualityOfServiceLevel Qos => (MqttQualityOfServiceLevel)_subscription.Qos;

    private async Task Connect(Func<Task<(string? User, byte[]? Password)>> credentials, bool cleanSession, CancellationToken cancellationToken)
    {
        var uri = new Uri(_subscription.Url);
        var tls = uri.Scheme == "mqtts";
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port)
            .WithTlsOptions(o => o.UseTls(tls).WithTargetHost(uri.Host))
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .WithClientId(_clientId)
            .WithTimeout(_options.ConnectTimeout);
        try
        {
            if (await credentials() is { User: { } user } given)
                options = options.WithCredentials(user, given.Password);
            if (cleanSession)
            {
                // A clean session lasts as long as its connection: one is made (by a client of its own, whose state
                // the next connection does not meet) and closed only to drop what the broker kept for the client id,
                // and the session that follows is persistent.
                using var cleaner = new MqttClientFactory().CreateMqttClient();
                await cleaner.ConnectAsync(options.WithCleanSession(true).Build(), cancellationToken);
                await cleaner.DisconnectAsync(cancellationToken: cancellationToken);
            }
            _lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            await _client.ConnectAsync(options.WithCleanSession(false).Build(), cancellationToken);
            var subscribe = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(_subscription.Topic, Qos).Build();
            var granted = (await _client.SubscribeAsync(subscribe, cancellationToken)).Items.Single().ResultCode;
            if (granted is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            {
                await _client.DisconnectAsync(cancellationToken: cancellationToken);
                throw new MqttRefusedException($"the broker refused the subscription to '{_subscription.Topic}': {granted}");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _state = new ConnectionState(false, _clock.GetUtcNow(), e.Message);
            LogNotConnected(_subscription.Url, _clientId, e.Message);
            throw;
        }
    }

    private ResiliencePipeline Reconnects() => new ResiliencePipelineBuilder { TimeProvider = _clock }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException || !_stop.IsCancellationRequested),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.FirstReconnectDelay,
            MaxDelay = _options.MaxReconnectDelay,
        })
        .Build();

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT {Url}: connected and subscribed as {ClientId} (clean session: {Clean})")]
    private partial void LogConnected(string url, string clientId, bool clean);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT {Url}: {ClientId} lost its connection: {Reason}; connecting again")]
    private partial void LogLost(string url, string clientId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT {Url}: {ClientId} could not connect: {Reason}; trying again with backoff")]
    private partial void LogNotConnected(string url, string clientId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT {ClientId}: dropping the connection to have unacknowledged messages sent again: {Reason}")]
    private partial void LogDropping(string clientId, string reason);
}

/// <summary>A connection's state as its status shows it.</summary>
public sealed record ConnectionState(bool Connected, DateTimeOffset? Since, string? LastError);

/// <summary>The broker answered, and said no.</summary>
public sealed class MqttRefusedException(string message) : Exception(message);
