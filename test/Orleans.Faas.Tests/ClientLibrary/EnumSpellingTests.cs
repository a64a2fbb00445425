using System.Reflection;
using System.Text.Json;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;
using ClientJson = Orleans.Faas.Client.FaasJson;
using GatewayJson = Orleans.Faas.HttpModel.Json.FaasJson;

namespace Orleans.Faas.Tests.ClientLibrary;

/// <summary>The client references no server project, so it spells the gateway's enums itself: every one must read and write as the gateway's does.</summary>
public sealed class EnumSpellingTests
{
    private static readonly Assembly Contracts = typeof(TaskState).Assembly;

    // The client's own choices, which never go over the wire.
    private static readonly string[] ClientOnly = [nameof(Client.MapOrder)];

    // Names the client gives its copy where the contract's name says more than a caller needs.
    private static readonly Dictionary<string, string> Renamed = new() { [nameof(Client.PlacementPolicy)] = nameof(PlacementPolicyKind) };

    public static TheoryData<string> ClientEnums =>
        [.. typeof(Client.FaasClient).Assembly.GetExportedTypes().Where(t => t.IsEnum && !ClientOnly.Contains(t.Name)).Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(ClientEnums))]
    public void Every_value_the_gateway_writes_the_client_writes_the_same_and_reads_back(string name)
    {
        var client = typeof(Client.FaasClient).Assembly.GetExportedTypes().Single(t => t.IsEnum && t.Name == name);
        var contract = Contracts.GetExportedTypes().Single(t => t.IsEnum && t.Name == Renamed.GetValueOrDefault(name, name));

        Assert.Equal(Enum.GetNames(contract), Enum.GetNames(client));
        foreach (var member in Enum.GetNames(contract))
        {
            var spelled = JsonSerializer.Serialize(Enum.Parse(contract, member), contract, GatewayJson.Options);
            Assert.Equal(spelled, JsonSerializer.Serialize(Enum.Parse(client, member), client, ClientJson.Options));
            Assert.Equal(Enum.Parse(client, member), JsonSerializer.Deserialize(spelled, client, ClientJson.Options));
        }
    }

}
