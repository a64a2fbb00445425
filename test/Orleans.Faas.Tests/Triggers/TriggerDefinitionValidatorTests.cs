using Orleans.Faas.HttpModel.Triggers;
using Orleans.Faas.Triggers;

namespace Orleans.Faas.Tests.Triggers;

public sealed class TriggerDefinitionValidatorTests
{
    private static readonly TriggerDefinition Tick = new("tick", "report", new TriggerSchedule("*/2 * * * * *", Input: "tick"));
    private static readonly TriggerDefinition Sensor = new("sensor", "ingest", Mqtt: new MqttSubscription("mqtt://broker:1883", "lab/+/temp", 1));

    [Fact]
    public void The_issues_examples_are_valid()
    {
        Assert.Empty(TriggerDefinitionValidator.Validate(Tick));
        Assert.Empty(TriggerDefinitionValidator.Validate(Sensor));
        Assert.Empty(TriggerDefinitionValidator.Validate(Tick with { Schedule = new TriggerSchedule("0 7 * * 1-5", "Europe/Berlin", CatchUp.None) }));
        Assert.Empty(TriggerDefinitionValidator.Validate(Sensor with
        {
            Mqtt = new MqttSubscription("mqtts://broker.example.org", "lab/#", 2, "lab/results", "edge-1", "mqtt-user", "mqtt-password"),
        }));
    }

    [Theory]
    [InlineData("*/2 * * * *  * *")]
    [InlineData("61 * * * * *")]
    [InlineData("every two seconds")]
    [InlineData("")]
    public void A_malformed_cron_is_refused_under_schedule(string cron) =>
        Assert.Equal(["schedule"], Fields(Tick with { Schedule = new TriggerSchedule(cron) }));

    [Fact]
    public void An_unknown_time_zone_is_refused_under_time_zone() =>
        Assert.Equal(["timeZone"], Fields(Tick with { Schedule = Tick.Schedule! with { TimeZone = "Mars/Olympus_Mons" } }));

    [Fact]
    public void Neither_or_both_kinds_are_refused_under_schedule()
    {
        Assert.Equal(["schedule"], Fields(Tick with { Schedule = null }));
        Assert.Equal(["schedule"], Fields(Tick with { Mqtt = Sensor.Mqtt }));
    }

    [Theory]
    [InlineData("http://broker:1883")]
    [InlineData("tcp://broker:1883")]
    [InlineData("broker:1883")]
    [InlineData("mqtt://user:secret@broker:1883")]
    [InlineData("mqtt://broker:1883/path")]
    public void A_url_that_is_not_mqtt_or_mqtts_is_refused_under_mqtt_url(string url) =>
        Assert.Equal(["mqtt.url"], Fields(Sensor with { Mqtt = Sensor.Mqtt! with { Url = url } }));

    [Theory]
    [InlineData("lab/#/temp")]
    [InlineData("lab/te#")]
    [InlineData("lab/te+mp")]
    [InlineData("lab/+x/temp")]
    [InlineData("")]
    public void A_topic_filter_with_a_wildcard_that_is_no_whole_level_or_hash_not_last_is_refused(string topic) =>
        Assert.Equal(["mqtt.topic"], Fields(Sensor with { Mqtt = Sensor.Mqtt! with { Topic = topic } }));

    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("lab/#")]
    [InlineData("+/+/temp")]
    [InlineData("/lab//temp")]
    public void Whole_level_wildcards_are_topic_filters(string topic) =>
        Assert.Empty(Fields(Sensor with { Mqtt = Sensor.Mqtt! with { Topic = topic } }));

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_qos_other_than_0_1_2_is_refused(int qos) =>
        Assert.Equal(["mqtt.qos"], Fields(Sensor with { Mqtt = Sensor.Mqtt! with { Qos = qos } }));

    [Fact]
    public void A_result_topic_has_no_wildcards_and_credentials_are_secret_names()
    {
        Assert.Equal(["mqtt.resultTopic"], Fields(Sensor with { Mqtt = Sensor.Mqtt! with { ResultTopic = "lab/+/out" } }));
        Assert.Equal(["mqtt.passwordSecret"], Fields(Sensor with { Mqtt = Sensor.Mqtt! with { PasswordSecret = "Not A Secret Name" } }));
    }

    [Fact]
    public void Names_are_checked_as_function_names() =>
        Assert.Equal(["function", "name"], Fields(Tick with { Name = "Tick!", Function = "" }));

    private static IEnumerable<string> Fields(TriggerDefinition definition) => TriggerDefinitionValidator.Validate(definition).Keys.Order();
}
