namespace Orleans.Faas.Cli.Triggers;

/// <summary><c>faas trigger create|list|show|delete</c>: what invokes functions on a schedule or per MQTT message.</summary>
internal static class TriggerCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The trigger's name" };
        return new Command("trigger", "Triggers: a schedule or an MQTT subscription that invokes a function")
        {
            CreateCommand(name),
            new Command("list", "List every trigger with its last and next firing and its counts")
                .Runs(async (cli, ct) => cli.Show(await cli.Client.ListTriggersAsync(ct), List)),
            new Command("show", "Show a trigger, its status and its latest firings") { name }
                .Runs(async (cli, ct) => cli.Show(await cli.Client.GetTriggerAsync(cli.Get(name), ct), Show)),
            new Command("delete", "Delete a trigger; it fires no more, and the tasks it made go on") { name }
                .Runs(async (cli, ct) =>
                {
                    await cli.Client.DeleteTriggerAsync(cli.Get(name), ct);
                    return cli.Note($"deleted {cli.Get(name)}");
                }),
        };
    }

    private static Command CreateCommand(Argument<string> name)
    {
        var function = new Option<string>("--function") { Description = "The function each firing invokes", Required = true };
        var schedule = new Option<string?>("--schedule") { Description = "A cron expression: five fields, or six with seconds first (\"*/2 * * * * *\")" };
        var timeZone = new Option<string?>("--time-zone") { Description = "The IANA zone of the schedule's times (default UTC)" };
        var catchUp = new Option<CatchUp?>("--catch-up") { Description = "Times missed while the cluster was down: skip them, fire the latest once (default), or fire all" };
        catchUp.HelpName = string.Join('|', Enum.GetNames<CatchUp>().Select(n => n.ToLowerInvariant()));
        var input = new Option<string?>("--input") { Description = "The function's input at every scheduled firing" };
        var url = new Option<string?>("--mqtt-url") { Description = "An MQTT broker: mqtt://host[:port], or mqtts:// for TLS" };
        var topic = new Option<string?>("--topic") { Description = "The MQTT topic filter; each message invokes the function with its payload" };
        var qos = new Option<int>("--qos") { Description = "The subscription's QoS: 0, 1 or 2" };
        var resultTopic = new Option<string?>("--result-topic") { Description = "Publish each output to this topic" };
        var clientId = new Option<string?>("--client-id") { Description = "The MQTT client id" };
        var usernameSecret = new Option<string?>("--username-secret") { Description = "The secret holding the broker's user name" };
        var passwordSecret = new Option<string?>("--password-secret") { Description = "The secret holding the broker's password" };
        return new Command("create", "Create or replace a trigger: --schedule with its options, or --mqtt-url and --topic with theirs")
        {
            name, function, schedule, timeZone, catchUp, input, url, topic, qos, resultTopic, clientId, usernameSecret, passwordSecret,
        }
        .Runs(async (cli, ct) =>
        {
            var definition = new TriggerDefinition
            {
                Name = cli.Get(name),
                Function = cli.Get(function)!,
                Schedule = cli.Get(schedule),
                TimeZone = cli.Get(timeZone),
                CatchUp = cli.Get(catchUp),
                Input = cli.Get(input),
                // The gateway says what is missing or wrong, by field, when only part of a subscription is given.
                Mqtt = cli.Get(url) is null && cli.Get(topic) is null ? null : new MqttSubscription
                {
                    Url = cli.Get(url) ?? "",
                    Topic = cli.Get(topic) ?? "",
                    Qos = cli.Get(qos),
                    ResultTopic = cli.Get(resultTopic),
                    ClientId = cli.Get(clientId),
                    UsernameSecret = cli.Get(usernameSecret),
                    PasswordSecret = cli.Get(passwordSecret),
                },
            };
            var registration = await cli.Client.CreateTriggerAsync(definition, ct);
            cli.Note($"{registration.Trigger.Name}: {(registration.Created ? "created" : "replaced")}");
            return cli.Show(registration.Trigger, Show);
        });
    }

    private static IRenderable Show(Trigger trigger) => new Rows(
        Tables.Details(trigger),
        Tables.List(trigger.Status.Recent, ("DUE", f => f.DueAt), ("FIRED", f => f.FiredAt), ("TASK", f => f.TaskId)));

    private static IRenderable List(IReadOnlyList<Trigger> triggers) => Tables.List(
        triggers,
        ("NAME", t => t.Name),
        ("FUNCTION", t => t.Function),
        ("ON", t => t.Schedule ?? $"{t.Mqtt?.Url} {t.Mqtt?.Topic}"),
        ("LAST", t => t.Status.LastFiring?.DueAt),
        ("NEXT", t => t.Status.NextFiringAt),
        ("FIRED", t => t.Status.Fired),
        ("FAILED", t => t.Status.Failed),
        ("LAST ERROR", t => t.Status.LastError?.Message));
}
