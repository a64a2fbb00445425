using System.Text;
using Orleans.Faas.Client;

namespace Orleans.Faas.Tests.ClientLibrary;

/// <summary>An app's own tests can stand in for the client: its members are virtual and it has a protected constructor.</summary>
public sealed class MockingTests
{
    private sealed class CannedClient : FaasClient
    {
        public override Task<byte[]> InvokeAsync(string function, ReadOnlyMemory<byte> input, InvocationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Encoding.UTF8.GetBytes($"{function}:{Encoding.UTF8.GetString(input.Span)}"));
    }

    [Fact]
    public async Task A_subclass_answers_in_place_of_the_gateway_and_map_goes_through_it()
    {
        FaasClient client = new CannedClient();

        var results = await client.Map("f", [Encoding.UTF8.GetBytes("a"), Encoding.UTF8.GetBytes("b")]).ToListAsync();

        Assert.Equal(["f:a", "f:b"], results.Select(r => Encoding.UTF8.GetString(r.Output.Span)));
        Assert.Throws<InvalidOperationException>(() => client.Endpoint);
    }
}
