using System.CommandLine;
using System.Diagnostics;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Client;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Triggers;

/// <summary>
/// What an MQTT trigger costs: N QoS 1 messages published to one trigger's topic, each a task of a no-op function
/// (a process running <c>/bin/true</c>), against the same N as asynchronous invocations through the gateway, in the
/// same run on the same silo; each timed from the first message or request to the history's row of the last task.
/// </summary>
public static class MqttTriggerBenchmark
{
    private const string Triggered = "bench-mqtt-noop", Invoked = "bench-async-noop", Trigger = "bench-mqtt", Topic = "bench/sensor/value";
    private const int WarmUp = 50;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static Command Command(Option<Uri> gateway)
    {
        var broker = new Option<string>("--broker") { Description = "The MQTT broker the trigger subscribes to", DefaultValueFactory = _ => "mqtt://127.0.0.1:1883" };
        var count = new Option<int>("--count") { Description = "Messages published, and async invocations in the baseline", DefaultValueFactory = _ => 2_000 };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Async invocations in flight in the baseline: as many as the messages a broker has in flight to one subscriber (mosquitto's default 20)",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("mqtt", "Tasks per second one MQTT trigger makes of a no-op function vs as many async invocations") { gateway, broker, count, concurrency };
        command.SetAction(parsed => Run(parsed.GetValue(gateway)!, new Uri(parsed.GetValue(broker)!), parsed.GetValue(count), parsed.GetValue(concurrency)));
        return command;
    }

    public static async Task Run(Uri gateway, Uri broker, int count, int concurrency)
    {
        var client = new FaasClient(gateway, new FaasClientOptions { NetworkTimeout = TimeSpan.FromMinutes(5) });
        foreach (var name in new[] { Triggered, Invoked })
            await client.RegisterFunctionAsync(new FunctionDefinition { Name = name, Runtime = FunctionRuntime.Process, Command = ["/bin/true"] });
        await client.CreateTriggerAsync(new TriggerDefinition
        {
            Name = Trigger, Function = Triggered, Mqtt = new MqttSubscription { Url = broker.ToString(), Topic = Topic, Qos = 1 },
        });
        await Until(async () => (await client.GetTriggerAsync(Trigger)).Status.Connection is { Connected: true }, "the trigger to connect");

        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithCleanSession(true).Build());
        await Publish(publisher, 0, WarmUp, concurrency);
        await Singles(client, 0, WarmUp, concurrency);
        await Completed(client, Triggered, WarmUp);
        await Completed(client, Invoked, WarmUp);

        var clock = Stopwatch.StartNew();
        await Publish(publisher, WarmUp, count, concurrency);
        var published = clock.Elapsed;
        await Completed(client, Triggered, WarmUp + count);
        var triggered = clock.Elapsed;

        clock.Restart();
        await Singles(client, WarmUp, count, concurrency);
        var submitted = clock.Elapsed;
        await Completed(client, Invoked, WarmUp + count);
        var invoked = clock.Elapsed;
        await client.DeleteTriggerAsync(Trigger);

        var table = new Table().Title($"{count:N0} no-op tasks (process /bin/true) on one embedded silo, the same run")
            .AddColumns("scenario", "sent s", "last task done s", "tasks/s");
        table.AddRow($"{count:N0} async invocations, {concurrency} in flight (baseline)", submitted.TotalSeconds.ToString("0.00"), invoked.TotalSeconds.ToString("0.00"), (count / invoked.TotalSeconds).ToString("0"));
        table.AddRow($"{count:N0} QoS 1 messages to one MQTT trigger", published.TotalSeconds.ToString("0.00"), triggered.TotalSeconds.ToString("0.00"), (count / triggered.TotalSeconds).ToString("0"));
        ResultTable.Write(table);
        Console.WriteLine($"One MQTT trigger sustained {count / triggered.TotalSeconds:0} tasks/s; {count:N0} async invocations made {count / invoked.TotalSeconds:0} tasks/s.");
    }

    /// <summary>Publishes at QoS 1 with <paramref name="concurrency"/> messages awaiting the broker's acknowledgement at a time.</summary>
    private static Task Publish(IMqttClient publisher, int first, int count, int concurrency) =>
        Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            await publisher.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(Topic).WithPayload(Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct));

    private static Task Singles(FaasClient client, int first, int count, int concurrency) =>
        Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            await client.StartInvocationAsync(Invoked, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"), cancellationToken: ct));

    /// <summary>Waits until the function's history has a completed row for <paramref name="count"/> tasks.</summary>
    private static Task Completed(FaasClient client, string function, int count) => Until(async () =>
    {
        var completed = 0;
        await foreach (var record in client.GetExecutionsAsync(function, pageSize: 1000))
            completed += record.Status == TaskState.Completed ? 1 : 0;
        return completed >= count;
    }, $"{count} tasks of {function} to complete");

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > Patience)
                throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(200);
        }
    }
}
