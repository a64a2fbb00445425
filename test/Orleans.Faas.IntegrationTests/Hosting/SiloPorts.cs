namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>A silo's identity and private Orleans ports, known before it starts so a gateway can be pointed at it.</summary>
public sealed record SiloPorts(string NodeName, int SiloPort, int GatewayPort)
{
    public static SiloPorts For(string nodeName) => new(nodeName, FreePorts.Next(), FreePorts.Next());
}
