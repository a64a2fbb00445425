using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>Python functions through real HTTP, a real silo and the real dockerd, in the image the node builds from its own python3.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class PythonFunctionTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_dill_pickled_callable_doubles_a_pickled_double()
    {
        var name = UniqueName("py-double");
        await Http.RegisterOk(new { name, runtime = "python", pickled = Python.Pickle("lambda x: x * 2.0") });

        using var response = await Invoke(name, Python.Pickle("((2.25,), {})"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        Assert.Equal("4.5", Python.Unpickle(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_pickled_callable_that_raises_fails_and_returns_the_exception_pickled()
    {
        var name = UniqueName("py-raise-pickled");
        await Http.RegisterOk(new { name, runtime = "python", pickled = Python.Pickle("lambda key: {}[key]") });

        using var response = await Invoke(name, Python.Pickle("(('missing',), {})"));

        var problem = await AssertFailed(response);
        Assert.Equal("exception", problem["failureReason"]!.GetValue<string>());
        Assert.Equal("KeyError: 'missing'", problem["detail"]!.GetValue<string>());
        Assert.Equal("KeyError('missing')", Python.Unpickle(problem["pickledException"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_py_file_uploaded_as_a_form_takes_and_returns_json()
    {
        var name = UniqueName("py-upload");
        const string Code = "def handler(event):\n    return {'words': len(event['text'].split()), 'first': event['text'].split()[0]}\n";

        using var registered = await Http.RegisterForm(new { name, runtime = "python", entryPoint = "wordcount:handler" }, "wordcount.py", Code);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await Describe(registered));
        var code = (await registered.Json())["code"]!;
        Assert.Equal("wordcount.py", code["fileName"]!.GetValue<string>());
        Assert.Equal(Encoding.UTF8.GetByteCount(Code), code["bytes"]!.GetValue<int>());

        using var response = await Invoke(name, """{"text": "to be or not"}""");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        Assert.Equal("""{"words": 4, "first": "to"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Inline_source_takes_and_returns_json()
    {
        var name = UniqueName("py-inline");
        await Http.RegisterOk(new { name, runtime = "python", source = "def echo(x):\n    print('logged, not returned')\n    return {'echo': x}\n", entryPoint = "echo" });

        using var response = await Invoke(name, "[1, 2.5, null]");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        Assert.Equal("""{"echo": [1, 2.5, null]}""", await response.Content.ReadAsStringAsync());
        var taskId = response.Headers.GetValues("X-Faas-Task-Id").Single();
        Assert.Equal("logged, not returned\n", await Http.GetStringAsync($"/v1/tasks/{taskId}/logs"));
    }

    [Fact]
    public async Task A_raising_function_fails_with_the_exception_type_and_message_and_its_traceback_in_the_logs()
    {
        var name = UniqueName("py-raise");
        await Http.RegisterOk(new { name, runtime = "python", source = "def handler(x):\n    raise ValueError(f'bad input {x}')\n" });

        using var response = await Invoke(name, "3");

        var problem = await AssertFailed(response);
        Assert.Equal("exception", problem["failureReason"]!.GetValue<string>());
        Assert.Null(problem["pickledException"]);
        var task = await Http.WaitForTask(problem["taskId"]!.GetValue<string>());
        Assert.Equal("FAILED", task["status"]!.GetValue<string>());
        Assert.Equal("ValueError: bad input 3", task["error"]!.GetValue<string>());
        var logs = await Http.GetStringAsync($"/v1/tasks/{task["id"]}/logs");
        Assert.StartsWith("Traceback (most recent call last):", logs, StringComparison.Ordinal);
        Assert.Contains("line 2, in handler", logs, StringComparison.Ordinal);
        Assert.EndsWith("ValueError: bad input 3\n", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_that_does_not_compile_is_refused_with_the_python_error()
    {
        var name = UniqueName("py-syntax");

        using var response = await Http.Register(new { name, runtime = "python", source = "def handler(x:\n    return x\n" });

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        var error = problem["errors"]!["source"]![0]!.GetValue<string>();
        Assert.StartsWith("SyntaxError: ", error, StringComparison.Ordinal);
        Assert.Contains("main.py, line 1", error, StringComparison.Ordinal);
        Assert.DoesNotContain(name, await Http.FunctionsSnapshot(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_the_latest_definition_again_checks_its_code_no_more()
    {
        var name = UniqueName("py-again");
        var definition = new { name, runtime = "python", source = "def handler(x):\n    return x\n" };
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        await Http.RegisterOk(definition);
        using var again = await Http.Register(definition);

        Assert.True(again.StatusCode == HttpStatusCode.OK, await Describe(again));
        Assert.Single(await ContainerEventsSince(since), e => e.Action == "create" && e.Function.EndsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_checks_at_most_one_definition_per_core_at_once()
    {
        var names = Enumerable.Range(0, 2 * Environment.ProcessorCount).Select(_ => UniqueName("py-many")).ToList();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        var answers = await Task.WhenAll(names.Select(name => Http.Register(new { name, runtime = "python", source = "def handler(x):\n    return x\n" })));

        foreach (var answer in answers)
        {
            Assert.True(answer.StatusCode == HttpStatusCode.Created, await Describe(answer));
            answer.Dispose();
        }
        var (running, most) = (0, 0);
        foreach (var (action, _) in (await ContainerEventsSince(since)).Where(e => names.Any(name => e.Function.EndsWith(name, StringComparison.Ordinal))))
        {
            running += action == "create" ? 1 : -1;
            most = Math.Max(most, running);
        }
        Assert.InRange(most, 1, Environment.ProcessorCount);
    }

    [Fact]
    public async Task A_pickled_payload_that_does_not_deserialize_is_refused_with_the_python_error()
    {
        var name = UniqueName("py-badpickle");

        using var notAPickle = await Http.Register(new { name, runtime = "python", pickled = Convert.ToBase64String("not a pickle"u8) });
        using var notBase64 = await Http.Register(new { name, runtime = "python", pickled = "%%%" });

        var error = (await notAPickle.AssertProblem(HttpStatusCode.BadRequest))["errors"]!["pickled"]![0]!.GetValue<string>();
        Assert.Contains("UnpicklingError", error, StringComparison.Ordinal);
        Assert.NotNull((await notBase64.AssertProblem(HttpStatusCode.BadRequest))["errors"]!["pickled"]);
    }

    [Fact]
    public async Task A_warm_call_finds_the_interpreter_of_the_call_before()
    {
        var name = UniqueName("py-warm");
        await Http.RegisterOk(new { name, runtime = "python", source = "import os\ncalls = 0\ndef handler(_):\n    global calls\n    calls += 1\n    return [os.getpid(), calls]\n" });

        var first = await InvokeJson(name);
        var second = await InvokeJson(name);

        Assert.Equal(first[0]!.GetValue<int>(), second[0]!.GetValue<int>());
        Assert.Equal(1, first[1]!.GetValue<int>());
        Assert.Equal(2, second[1]!.GetValue<int>());
        Assert.Single(await platform.ContainersOf(name));
    }

    [Theory]
    [InlineData("shop.zip")]
    [InlineData("shop.tar.gz")]
    public async Task An_archive_of_a_package_runs_its_entry_point(string fileName)
    {
        var name = UniqueName("py-archive");
        var files = new Dictionary<string, string>
        {
            ["shop/__init__.py"] = "",
            ["shop/prices.py"] = "VAT = 0.25\n",
            ["shop/checkout.py"] = "from shop.prices import VAT\ndef total(cart):\n    return round(sum(cart) * (1 + VAT), 2)\n",
        };

        using var registered = await Http.RegisterForm(new { name, runtime = "python", entryPoint = "shop.checkout:total" }, fileName, Archives.Of(fileName, files));
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await Describe(registered));
        using var response = await Invoke(name, "[10, 30]");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        Assert.Equal("50.0", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_archive_without_its_entry_module_is_refused()
    {
        var name = UniqueName("py-archive-bad");
        var archive = Archives.Of("shop.zip", new Dictionary<string, string> { ["shop/__init__.py"] = "" });

        using var response = await Http.RegisterForm(new { name, runtime = "python", entryPoint = "shop.checkout:total" }, "shop.zip", archive);

        var error = (await response.AssertProblem(HttpStatusCode.BadRequest))["errors"]!["code"]![0]!.GetValue<string>();
        Assert.Contains("shop/checkout.py", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_the_function_started_is_gone_after_its_call_and_the_interpreter_stays()
    {
        var name = UniqueName("py-children");
        const string Source = """
            import os, subprocess, sys
            def handler(pid):
                if pid is None:
                    return [os.getpid(), subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)']).pid]
                try:
                    os.kill(pid, 0)
                    return [os.getpid(), 'alive']
                except ProcessLookupError:
                    return [os.getpid(), 'gone']
            """;
        await Http.RegisterOk(new { name, runtime = "python", source = Source });

        var first = await InvokeJson(name);
        var second = await InvokeJson(name, first[1]!.ToJsonString());

        Assert.Equal(first[0]!.GetValue<int>(), second[0]!.GetValue<int>());
        Assert.Equal("gone", second[1]!.GetValue<string>());
    }

    [Fact]
    public async Task An_interpreter_that_exits_fails_its_call_and_the_next_call_starts_a_new_one()
    {
        var name = UniqueName("py-exit");
        await Http.RegisterOk(new { name, runtime = "python", source = "import os\ndef handler(code):\n    if code is not None:\n        os._exit(code)\n    return [os.getpid()]\n" });

        var before = await InvokeJson(name);
        using var exited = await Invoke(name, "7");
        var after = await InvokeJson(name);

        var problem = await AssertFailed(exited);
        Assert.Equal("exit code", problem["failureReason"]!.GetValue<string>());
        Assert.Equal(7, problem["exitCode"]!.GetValue<int>());
        Assert.Single(await platform.ContainersOf(name));
        Assert.NotEqual(before[0]!.GetValue<int>(), after[0]!.GetValue<int>());
    }

    /// <summary>
    /// A sync invoke; when a busy machine starts the container slower than the fixture's short sync wait (202), the
    /// task's result instead, which answers the same output, or the same problem with 409 instead of 502.
    /// </summary>
    private async Task<HttpResponseMessage> Invoke(string name, string input)
    {
        var response = await Http.InvokeSync(name, input);
        if (response.StatusCode != HttpStatusCode.Accepted)
            return response;
        var task = await Http.WaitForTask((await response.Json())["taskId"]!.GetValue<string>());
        response.Dispose();
        return await Http.GetAsync($"/v1/tasks/{task["id"]}/result");
    }

    private static async Task<JsonObject> AssertFailed(HttpResponseMessage response) =>
        await response.AssertProblem(response.StatusCode == HttpStatusCode.Conflict ? HttpStatusCode.Conflict : HttpStatusCode.BadGateway);

    private async Task<JsonArray> InvokeJson(string name, string input = "null")
    {
        using var response = await Invoke(name, input);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    /// <summary>What the engine did to the platform's containers since then, in order: (create or destroy, function).</summary>
    private async Task<List<(string Action, string Function)>> ContainerEventsSince(DateTimeOffset since)
    {
        var events = new EventList();
        await platform.Docker.System.MonitorEventsAsync(new ContainerEventsParameters
        {
            Since = since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            Until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["type"] = new Dictionary<string, bool> { ["container"] = true },
                ["event"] = new Dictionary<string, bool> { ["create"] = true, ["destroy"] = true },
                ["label"] = new Dictionary<string, bool> { ["orleans.faas.function"] = true },
            },
        }, events);
        return events.Seen;
    }

    /// <summary>Keeps the events as they are read, unlike <see cref="Progress{T}"/>, which reports later on the thread pool.</summary>
    private sealed class EventList : IProgress<Message>
    {
        public List<(string Action, string Function)> Seen { get; } = [];

        public void Report(Message value) => Seen.Add((value.Action, value.Actor.Attributes["orleans.faas.function"]));
    }
}

/// <summary>Archives of Python packages, as a user would upload them.</summary>
internal static class Archives
{
    public static byte[] Of(string fileName, IReadOnlyDictionary<string, string> files)
    {
        using var bytes = new MemoryStream();
        if (fileName.EndsWith(".zip", StringComparison.Ordinal))
        {
            using var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (path, text) in files)
            {
                using var entry = new StreamWriter(zip.CreateEntry(path).Open());
                entry.Write(text);
            }
        }
        else
        {
            using var gzip = new GZipStream(bytes, CompressionLevel.Fastest, leaveOpen: true);
            using var tar = new TarWriter(gzip);
            foreach (var (path, text) in files)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }
        return bytes.ToArray();
    }
}

/// <summary>The node's own Debian python3 with dill, to make and read the pickles a Python client would send.</summary>
internal static class Python
{
    /// <summary>Base64 of the dill pickle of the Python expression.</summary>
    public static string Pickle(string expression) =>
        Run($"import base64, dill; print(base64.b64encode(dill.dumps({expression})).decode())", "");

    /// <summary>The repr of what a base64 dill pickle holds.</summary>
    public static string Unpickle(string base64) =>
        Run("import base64, dill, sys; print(repr(dill.loads(base64.b64decode(sys.stdin.read()))))", base64);

    private static string Run(string program, string input)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(program);
        using var python = Process.Start(start)!;
        python.StandardInput.Write(input);
        python.StandardInput.Close();
        var output = python.StandardOutput.ReadToEnd();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, error);
        return output.Trim();
    }
}
