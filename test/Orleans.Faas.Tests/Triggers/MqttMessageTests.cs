using System.Text;
using System.Text.Json.Nodes;
using Orleans.Faas.HttpModel.Triggers;

namespace Orleans.Faas.Tests.Triggers;

/// <summary>What a message becomes: the function's input, with its topic, and the key that makes a message sent again one task.</summary>
public sealed class MqttMessageTests
{
    [Fact]
    public void The_input_carries_the_topic_beside_a_json_payload_as_json_text_as_a_string_and_bytes_as_base64()
    {
        var json = JsonNode.Parse(MqttMessage.Input("lab/a/temp", """{"celsius": 21.5}"""u8))!;
        var text = JsonNode.Parse(MqttMessage.Input("lab/b/temp", "21.5 C"u8))!;
        var binary = JsonNode.Parse(MqttMessage.Input("lab/c/raw", [0xff, 0x00, 0xfe]))!;
        var empty = JsonNode.Parse(MqttMessage.Input("lab/d/ping", []))!;

        Assert.Equal("lab/a/temp", json["topic"]!.GetValue<string>());
        Assert.Equal(21.5, json["payload"]!["celsius"]!.GetValue<double>());
        Assert.Equal("21.5 C", text["payload"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String([0xff, 0x00, 0xfe]), binary["payload"]!["base64"]!.GetValue<string>());
        Assert.Null(empty["payload"]);
        Assert.Equal("lab/d/ping", empty["topic"]!.GetValue<string>());
    }

    [Fact]
    public void Two_json_values_in_one_payload_are_text_not_json()
    {
        var input = JsonNode.Parse(MqttMessage.Input("lab/a/temp", "1 2"u8))!;

        Assert.Equal("1 2", input["payload"]!.GetValue<string>());
    }

    [Fact]
    public void A_message_sent_again_has_its_key_and_a_message_differing_in_packet_topic_or_payload_has_another()
    {
        var key = MqttMessage.Key(7, "lab/a/temp", "21.5"u8);

        Assert.Equal(key, MqttMessage.Key(7, "lab/a/temp", "21.5"u8));
        Assert.NotEqual(key, MqttMessage.Key(8, "lab/a/temp", "21.5"u8));
        Assert.NotEqual(key, MqttMessage.Key(7, "lab/b/temp", "21.5"u8));
        Assert.NotEqual(key, MqttMessage.Key(7, "lab/a/temp", "21.6"u8));
        // The topic and the payload are kept apart in the digest: moving a byte from one to the other is another message.
        Assert.NotEqual(MqttMessage.Key(7, "lab/a", Encoding.UTF8.GetBytes("b")), MqttMessage.Key(7, "lab/", Encoding.UTF8.GetBytes("ab")));
        Assert.StartsWith("mqtt:7:", key);
    }
}
