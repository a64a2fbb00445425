using System.Net;
using System.Text;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Client;

namespace Orleans.Faas.Tests.ClientLibrary;

/// <summary><see cref="InvocationOptions.Deadline"/> goes to the gateway as <c>?deadlineSeconds=</c>, on invocations and batches alike.</summary>
public sealed class DeadlineQueryTests
{
    private readonly List<Uri> _sent = [];

    [Fact]
    public async Task An_invocation_with_a_deadline_sends_its_seconds_and_one_without_sends_none()
    {
        var client = Client();

        await client.StartInvocationAsync("f", "x"u8.ToArray(), new InvocationOptions { Deadline = TimeSpan.FromMilliseconds(2500) });
        await client.StartInvocationAsync("f", "x"u8.ToArray());

        Assert.Equal("2.5", DeadlineOf(_sent[0]));
        Assert.Null(DeadlineOf(_sent[1]));
    }

    [Fact]
    public async Task A_batch_with_a_deadline_sends_its_seconds_for_every_task()
    {
        var client = Client();

        await client.StartBatchAsync("f", ["a"u8.ToArray(), "b"u8.ToArray()], new InvocationOptions { Deadline = TimeSpan.FromSeconds(90) });

        Assert.EndsWith("/batches", _sent[0].AbsolutePath);
        Assert.Equal("90", DeadlineOf(_sent[0]));
    }

    private static string? DeadlineOf(Uri uri) => HttpUtility.ParseQueryString(uri.Query)["deadlineSeconds"];

    private FaasClient Client()
    {
        var gateway = new StubGateway(request =>
        {
            _sent.Add(request.RequestUri!);
            var json = request.RequestUri!.AbsolutePath.EndsWith("/batches", StringComparison.Ordinal)
                ? $$"""{"batchId": "{{Guid.NewGuid()}}", "status": "RUNNING", "total": 2}"""
                : $$"""{"taskId": "{{Guid.NewGuid()}}", "status": "QUEUED"}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        });
        var services = new ServiceCollection();
        services.AddFaasClient(o => o.Endpoint = new Uri("http://gateway.test")).ConfigurePrimaryHttpMessageHandler(() => gateway);
        return services.BuildServiceProvider().GetRequiredService<FaasClient>();
    }
}
