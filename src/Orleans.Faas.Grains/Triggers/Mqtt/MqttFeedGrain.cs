using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Triggers;
using Orleans.Faas.Idempotency;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Secrets;
using Orleans.Faas.Tasks;
using Polly;
using Polly.Retry;

namespace Orleans.Faas.Triggers.Mqtt;

/// <summary>
/// An MQTT trigger's subscription. Each message becomes a task through the task path, and is acknowledged to the
/// broker only once its task is stored (and, with a result topic, once it is stored that its result is owed), in the
/// order the messages came; one that could not be stored is not acknowledged, and the connection is dropped so that the
/// broker sends it again. A message sent again (after a reconnect, or to this grain on another silo) finds the task its
/// first delivery made under its key (<see cref="MqttMessage.Key"/>). The client's work runs on this grain's scheduler:
/// MQTTnet's callbacks hand each message over to it.
/// </summary>
public sealed partial class MqttFeedGrain(
    [PersistentState("mqtt", FaasStorage.Name)] IPersistentState<MqttFeedRecord> state,
    NodeSecretValues secrets,
    IOptions<TriggerOptions> triggers,
    IOptions<MqttOptions> options,
    TimeProvider clock,
    ILogger<MqttFeedGrain> logger)
    : Grain, IMqttFeedGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-alive";

    /// <summary>How long one wait for a task's result lasts before it is asked again.</summary>
    private static readonly TimeSpan ResultWait = TimeSpan.FromSeconds(30);

    /// <summary>How soon a result whose task could not be asked (its silo away) is asked for again.</summary>
    private static readonly TimeSpan ResultRetry = TimeSpan.FromSeconds(5);

    /// <summary>How often what messages made goes into the trigger's status.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(2);

    private CoalescedWrites? _writes;
    private TaskScheduler _scheduler = TaskScheduler.Default;
    private MqttConnection? _connection;
    private Task _running = Task.CompletedTask;
    private CancellationTokenSource _stopping = new();

    /// <summary>The latest acknowledgement: each message's waits for the one before, so the broker gets them in order.</summary>
    private Task _acknowledged = Task.CompletedTask;

    private IGrainTimer? _reporting;

    /// <summary>What messages made since the last report to the trigger.</summary>
    private List<TriggerFiring> _fired = [];

    private int _failed;

    private TriggerError? _lastError;

    private readonly ResiliencePipeline _storing = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not (FunctionNotFoundException or InvalidFeatureValuesException or OperationCanceledException)),
            MaxRetryAttempts = 8,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(5),
        })
        .Build();

    private MqttFeedRecord Record => state.State;

    private string Name => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _scheduler = TaskScheduler.Current;
        _writes = new CoalescedWrites(state.WriteStateAsync);
        Run();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Stop();

    public async Task Follow(TriggerDefinition? definition)
    {
        // A trigger of another kind asks too; a grain that never ran a subscription has nothing to stop.
        if (definition is null && Record.Definition is null)
            return;
        if (definition != Record.Definition)
        {
            await Stop();
            (Record.Definition, Record.Subscribed) = (definition, false);
            if (definition is null)
                Record.ResultsOwed.Clear();
            await _writes!.Write();
        }
        await KeepAlive(definition is not null);
        Run();
    }

    public Task<MqttFeedStatus> GetStatus()
    {
        var connection = _connection?.State;
        var error = connection?.LastError is { } lost && (_lastError is null || connection.Since > _lastError.At)
            ? new TriggerError(connection.Since!.Value, lost)
            : _lastError;
        return Task.FromResult(new MqttFeedStatus(connection?.Connected ?? false, connection?.Since, error, Record.ResultsOwed.Count));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder's work is waking the grain, whose activation runs the subscription; one left by a deleted trigger goes.
        if (Record.Definition is null)
            await KeepAlive(false);
    }

    /// <summary>Starts the client and the publishing of every result still owed, unless they run or there is no subscription.</summary>
    private void Run()
    {
        if (_connection is not null || Record.Definition is not { Mqtt: { } subscription } definition)
            return;
        _stopping = new CancellationTokenSource();
        _acknowledged = Task.CompletedTask;
        var connection = _connection = new MqttConnection(subscription, ClientId(definition), Received, options.Value, clock, logger);
        _running = connection.Run(() => Credentials(definition), () => !Record.Subscribed, Subscribed);
        foreach (var (taskId, topic) in Record.ResultsOwed)
            _ = PublishWhenDone(taskId, topic);
        // Interleaved: the report waits for the trigger, which may be waiting for this grain to follow its change.
        _reporting = this.RegisterGrainTimer(
            Report, new GrainTimerCreationOptions { DueTime = ReportEvery, Period = ReportEvery, Interleave = true, KeepAlive = false });
    }

    private async Task Stop()
    {
        if (_connection is not { } connection)
            return;
        _connection = null;
        _reporting?.Dispose();
        await _stopping.CancelAsync();
        await connection.DisposeAsync();
        await _running;
    }

    private async Task Subscribed()
    {
        if (Record.Subscribed)
            return;
        Record.Subscribed = true;
        await _writes!.Write();
    }

    /// <summary>MQTTnet's callback, one message after another: the message is stored on the grain's scheduler, and acknowledged in turn.</summary>
    private Task Received(MqttApplicationMessageReceivedEventArgs received)
    {
        received.AutoAcknowledge = false;
        var (message, packet, arrived, generation) = (received.ApplicationMessage, received.PacketIdentifier, clock.GetUtcNow(), _connection?.Generation);
        var stored = Task.Factory.StartNew(() => Store(message, packet, arrived), CancellationToken.None, TaskCreationOptions.None, _scheduler).Unwrap();
        _acknowledged = Acknowledge(_acknowledged, stored, received, generation);
        return Task.CompletedTask;
    }

    private async Task Acknowledge(Task previous, Task<bool> stored, MqttApplicationMessageReceivedEventArgs received, int? generation)
    {
        await previous;
        var connection = _connection;
        try
        {
            // On a later connection the broker sends the message again, under the same packet identifier: that delivery acknowledges it.
            if (connection is null || connection.Generation != generation)
                await stored;
            else if (await stored)
                await received.AcknowledgeAsync(CancellationToken.None);
            else
                await connection.Drop(generation.Value, $"the task of a message on '{received.ApplicationMessage.Topic}' could not be stored");
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException)
        {
            // The connection is gone; the broker sends the message again once it is back.
            LogNotAcknowledged(Name, e.Message);
        }
    }

    /// <returns>Whether to acknowledge the message: its task is stored, or it can never be (the function is gone).</returns>
    private async Task<bool> Store(MqttApplicationMessage message, ushort packet, DateTimeOffset arrived)
    {
        if (Record.Definition is not { Mqtt: { } subscription } definition)
            return false;
        var payload = message.Payload.ToArray();
        // Polly goes on after a backoff on the thread pool, where the grain's own members may not be touched.
        var (grains, key, window) = (GrainFactory, IdempotencyKeys.Grain(Name, MqttMessage.Key(packet, message.Topic, payload)), options.Value.KeyWindow);
        try
        {
            // Full queues and a cluster in the middle of losing a silo pass: the message waits, unacknowledged, which holds the broker back.
            var taskId = await _storing.ExecuteAsync(async _ =>
            {
                var id = message.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce
                    ? Guid.NewGuid()
                    : await grains.GetGrain<IIdempotencyGrain>(key).Claim(Guid.NewGuid(), window, []);
                await grains.GetGrain<IFunctionGrain>(definition.Function).InvokeAs(id, MqttMessage.Input(message.Topic, payload), InvocationOptions.Default);
                return id;
            }, _stopping.Token);
            if (subscription.ResultTopic is { } resultTopic && Record.ResultsOwed.TryAdd(taskId, resultTopic))
            {
                await _writes!.Write();
                _ = PublishWhenDone(taskId, resultTopic);
            }
            Fired(new TriggerFiring(arrived, clock.GetUtcNow(), taskId));
            return true;
        }
        catch (Exception e) when (e is FunctionNotFoundException or InvalidFeatureValuesException)
        {
            // It would not be stored the next time either: the message is acknowledged and counted as failed.
            Failed(e.Message);
            return true;
        }
        catch (Exception e)
        {
            LogNotStored(e, Name, message.Topic);
            Failed(e.Message);
            return false;
        }
    }

    /// <summary>Waits for the task to finish, publishes its output if it completed, and then owes it no more.</summary>
    private async Task PublishWhenDone(Guid taskId, string topic)
    {
        var stopping = _stopping.Token;
        var connection = _connection!;
        var task = GrainFactory.GetGrain<ITaskGrain>(taskId);
        try
        {
            while (true)
            {
                try
                {
                    var result = await task.WaitForResult(ResultWait);
                    if (result is { Task.IsFinished: false })
                        continue;
                    if (result is { Task.Status: TaskState.Completed })
                        await connection.Publish(topic, result.Output);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    LogNotPublished(e, Name, taskId);
                    Failed($"the result of task {taskId} is not published yet: {e.Message}");
                    await Task.Delay(ResultRetry, clock, stopping);
                }
            }
            Record.ResultsOwed.Remove(taskId);
            await _writes!.Write();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Still owed: the subscription publishes it when it runs next, here or on another silo.
        }
    }

    /// <summary>Best effort: what a report could not deliver is added to the next one.</summary>
    private async Task Report(CancellationToken cancellationToken)
    {
        if (_fired.Count == 0 && _failed == 0)
            return;
        var (fired, failed, error) = (_fired, _failed, _lastError);
        (_fired, _failed) = ([], 0);
        try
        {
            await GrainFactory.GetGrain<IMqttTriggerGrain>(Name).RecordMessages([.. fired], failed, error);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogNotReported(e, Name);
            (_fired, _failed) = ([.. fired, .. _fired], failed + _failed);
        }
    }

    private void Fired(TriggerFiring firing) => _fired.Add(firing);

    private void Failed(string error)
    {
        _failed++;
        _lastError = new TriggerError(clock.GetUtcNow(), error);
    }

    private async Task<(string? User, byte[]? Password)> Credentials(TriggerDefinition definition)
    {
        var mqtt = definition.Mqtt!;
        var names = new[] { mqtt.UsernameSecret, mqtt.PasswordSecret }.OfType<string>().ToImmutableArray();
        if (names.IsEmpty)
            return (null, null);
        var values = await secrets.ReadAsync(QualifiedName.NamespaceOf(definition.Name), names, CancellationToken.None);
        byte[] Value(string name) => values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"Secret '{name}' no longer exists in the trigger's namespace.");
        return (mqtt.UsernameSecret is { } user ? Encoding.UTF8.GetString(Value(user)) : null, mqtt.PasswordSecret is { } password ? Value(password) : null);
    }

    /// <summary>The trigger's own client id, or one made from its name: the same on every silo, so the broker's session follows the trigger.</summary>
    private static string ClientId(TriggerDefinition definition) =>
        definition.Mqtt!.ClientId ?? $"faas-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definition.Name)).AsSpan(0, 8))}";

    private async Task KeepAlive(bool keep)
    {
        var period = triggers.Value.KeepAliveEvery;
        if (keep)
            await this.RegisterOrUpdateReminder(KeepAliveReminder, period, period);
        else
            await this.Unregister(KeepAliveReminder);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT trigger {Trigger}: the task of a message on '{Topic}' could not be stored; the message is not acknowledged")]
    private partial void LogNotStored(Exception exception, string trigger, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT trigger {Trigger}: a message could not be acknowledged ({Reason}); the broker sends it again")]
    private partial void LogNotAcknowledged(string trigger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT trigger {Trigger}: what its messages made could not be counted in its status yet")]
    private partial void LogNotReported(Exception exception, string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT trigger {Trigger}: the result of task {TaskId} could not be published yet; it stays owed")]
    private partial void LogNotPublished(Exception exception, string trigger, Guid taskId);
}
