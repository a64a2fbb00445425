using System.Text;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>Python functions registered through the client library: inline source, and a code file sent as a form.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientPythonTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Inline_source_registers_and_answers_json()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-py");

        var registered = await client.RegisterFunctionAsync(new FunctionDefinition
        {
            Name = name,
            Runtime = FunctionRuntime.Python,
            Source = "def add(pair):\n    return pair[0] + pair[1]\n",
            EntryPoint = "add",
        });
        var output = await client.InvokeAsync(name, "[2, 40]"u8.ToArray());

        Assert.True(registered.Created);
        Assert.Equal(FunctionRuntime.Python, registered.Function.Runtime);
        Assert.Equal("add", registered.Function.EntryPoint);
        Assert.Equal("42", Encoding.UTF8.GetString(output));
    }

    [Fact]
    public async Task A_code_file_registers_as_a_form_and_bad_source_throws_with_the_python_error()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-pyfile");
        var definition = new FunctionDefinition { Name = name, Runtime = FunctionRuntime.Python, EntryPoint = "shout:handler" };

        var registered = await client.RegisterFunctionAsync(definition, "shout.py", "def handler(text):\n    return text.upper()\n"u8.ToArray());
        var output = await client.InvokeAsync(name, "\"quiet please\""u8.ToArray());
        var refused = await Assert.ThrowsAsync<FaasRequestException>(() =>
            client.RegisterFunctionAsync(definition, "shout.py", "def handler(text)\n    return text\n"u8.ToArray()));

        Assert.Equal("shout.py", registered.Function.Code!.FileName);
        Assert.Equal("\"QUIET PLEASE\"", Encoding.UTF8.GetString(output));
        Assert.Equal(400, refused.Status);
        Assert.StartsWith("SyntaxError: ", refused.Problem!.Errors["code"][0], StringComparison.Ordinal);
    }
}
