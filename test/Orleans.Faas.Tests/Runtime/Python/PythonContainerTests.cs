using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Agent;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Python;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Tests.Runtime.Python;

public sealed class PythonContainerTests
{
    private static readonly FunctionDefinition Inline = new(
        "py", FunctionRuntime.Python, null, [], ImmutableDictionary<string, string>.Empty, 0.5, 64, TimeSpan.FromSeconds(30),
        Source: "def handler(x):\n    return x\n");

    [Fact]
    public void The_runner_is_the_agent_s_kept_server_with_the_code_mounted_read_only()
    {
        var spec = ContainerBlueprint.For(Inline, image: null, new DockerOptions { Node = "n", AgentPath = "/opt/faas/agent/faas-agent" }, "/tmp/ofaas-n/1");

        Assert.Equal(PythonContainer.Image, spec.Image);
        Assert.Equal(["/.faas/bin/faas-agent", "--server", "/.faas/run/agent.sock"], spec.Entrypoint);
        Assert.Equal(["/usr/bin/python3", PythonRootfs.RunnerPath, "serve", "json", "/.faas/code/main.py", "main:handler"], spec.Cmd);
        Assert.Contains("/tmp/ofaas-n/1/code:/.faas/code:ro", spec.HostConfig.Binds);
        Assert.True(spec.HostConfig.ReadonlyRootfs);
    }

    [Fact]
    public void A_pickled_callable_is_checked_in_a_fresh_container_and_its_problems_belong_to_pickled()
    {
        var pickled = Inline with { Source = null, Pickled = Convert.ToBase64String([0x80, 0x04, 0x2e]) };
        var check = PythonContainer.ForCheck(pickled);

        Assert.False(check.KeepWarm);
        Assert.Equal(PythonContainer.CheckTimeout, PythonContainer.ForCheck(pickled with { Timeout = TimeSpan.FromHours(1) }).Timeout);
        Assert.Equal(["/usr/bin/python3", PythonRootfs.RunnerPath, "check", "pickled", "/.faas/code/function.pkl", ""], PythonContainer.Command(check));
        Assert.Equal([0x80, 0x04, 0x2e], PythonContainer.CodeOf(pickled).Content);
        Assert.Equal("pickled", PythonContainer.CheckedField(pickled));
        Assert.Equal("source", PythonContainer.CheckedField(Inline));
    }

    [Fact]
    public void The_code_file_is_written_readable_by_any_container_user()
    {
        var folder = Directory.CreateTempSubdirectory("faas-code-").FullName;
        try
        {
            PythonContainer.WriteCode(Inline with { Source = null, Code = new CodeFile("wordcount.py", "x = 1"u8.ToArray()) }, folder);

            var file = Path.Combine(folder, "code", "wordcount.py");
            Assert.Equal("x = 1", File.ReadAllText(file));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.OtherRead, File.GetUnixFileMode(file) & UnixFileMode.OtherRead);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_exception_frame_before_the_report_is_the_run_s_exception()
    {
        using var agent = new MemoryStream();
        Frame(agent, 1, "out"u8.ToArray());
        Frame(agent, 2, "Traceback ...\n"u8.ToArray());
        Frame(agent, 4, Encoding.UTF8.GetBytes("ValueError: bad input 3"));
        var report = new byte[AgentReport.Size];
        BinaryPrimitives.WriteInt32LittleEndian(report, 1);
        Frame(agent, 3, report);
        agent.Position = 0;
        var stdout = new LogTail(1024, "stdout");
        var stderr = new LogTail(1024);

        var received = await AgentProtocol.ReceiveAsync(agent, stdout, stderr, CancellationToken.None);

        Assert.Equal(1, received.ExitCode);
        Assert.Equal("ValueError: bad input 3", received.Exception);
        Assert.Equal("out", stdout.ToString());
        Assert.Equal("Traceback ...\n", stderr.ToString());
    }

    private static void Frame(Stream stream, byte kind, byte[] payload)
    {
        var header = new byte[5];
        header[0] = kind;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(1), (uint)payload.Length);
        stream.Write(header);
        stream.Write(payload);
    }
}
