using System.Net;
using System.Text;
using Orleans.Faas.Client;

namespace Orleans.Faas.Tests.ClientLibrary;

/// <summary>Map's own promises, on a stub gateway whose invocations take as long as the test says.</summary>
public sealed class MapTests
{
    [Theory]
    [InlineData(MapOrder.Input)]
    [InlineData(MapOrder.Completion)]
    public async Task Every_input_gets_one_result_never_more_than_the_limit_in_flight_and_a_failure_stays_with_its_item(MapOrder order)
    {
        var stub = new StubGateway(Echo);
        var client = new FaasClient(stub.Client());
        var inputs = Enumerable.Range(0, 60).Select(i => i == 41 ? "bad" : i.ToString()).ToList();

        var results = await client.Map("echo", inputs.Select(i => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(i)), maxInFlight: 5, order).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 60), order == MapOrder.Input ? results.Select(r => r.Index) : results.Select(r => r.Index).Order());
        Assert.InRange(stub.MostInFlight, 2, 5);
        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(41, failed.Index);
        Assert.Equal("exit code", failed.Error!.Problem!.FailureReason);
        Assert.All(results.Where(r => r.Succeeded), r => Assert.Equal(inputs[r.Index], Encoding.UTF8.GetString(r.Output.Span)));
    }

    [Fact]
    public async Task A_reader_that_stops_early_stops_the_invocations_still_to_start()
    {
        var stub = new StubGateway(Echo);
        var client = new FaasClient(stub.Client());
        var started = 0;
        var inputs = Enumerable.Range(0, 1000).Select(i =>
        {
            Interlocked.Increment(ref started);
            return (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(i.ToString());
        });

        await foreach (var _ in client.Map("echo", inputs, maxInFlight: 4, MapOrder.Completion))
            break;

        Assert.InRange(started, 1, 50);
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        var client = new FaasClient(new StubGateway(Echo).Client());

        Assert.Throws<ArgumentOutOfRangeException>(() => client.Map("echo", [], maxInFlight: 0));
    }

    // Echoes the input after a few milliseconds that vary with it; "bad" fails like a function exiting 1.
    private static async Task<HttpResponseMessage> Echo(HttpRequestMessage request)
    {
        var input = await request.Content!.ReadAsStringAsync();
        await Task.Delay(int.TryParse(input, out var n) ? n % 7 * 3 : 0);
        return input == "bad"
            ? StubGateway.Problem(HttpStatusCode.BadGateway, """{"title":"The function failed.","status":502,"taskId":"6f1b2a9e-0000-4000-8000-000000000001","failureReason":"exit code","exitCode":1}""")
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(input)) };
    }
}
