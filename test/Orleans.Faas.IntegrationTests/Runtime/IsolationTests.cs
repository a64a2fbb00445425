using System.Net;
using System.Net.Sockets;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Tasks;
using static Orleans.Faas.IntegrationTests.Runtime.RunBytes;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>Someone else's code in our box, against the real dockerd: each escape attempt fails and the node keeps serving.</summary>
public sealed class IsolationTests : RunnerOnTestDocker
{
    [Fact]
    public async Task A_fork_bomb_ends_at_the_pids_limit_and_the_warm_container_serves_again()
    {
        var function = TestFunctions.Docker("sh", "-c", "read mode; if [ \"$mode\" = bomb ]; then f(){ f|f& }; f; sleep 5; fi; echo alive") with { PidsLimit = 32 };

        var bomb = await Runner.RunAsync(function, Utf8("bomb\n"), CancellationToken.None);
        var after = await Runner.RunAsync(function, Utf8("calm\n"), CancellationToken.None);

        Assert.Equal(FailureReasons.PidsLimit, bomb.LimitHit);
        Assert.False(bomb.Succeeded);
        Assert.False(bomb.TimedOut);
        Assert.Equal("alive\n", Text(after.Output));
        Assert.True(after.Succeeded, after.Logs);
        Assert.Single(await Docker.ContainersOf(function));
    }

    [Fact]
    public async Task A_memory_bomb_is_killed_as_oom_and_the_warm_container_serves_again()
    {
        var function = TestFunctions.Docker("sh", "-c", "read mode; if [ \"$mode\" = bomb ]; then x=0123456789abcdef; while true; do x=$x$x; done; fi; echo alive") with { MemoryMiB = 32 };

        var bomb = await Runner.RunAsync(function, Utf8("bomb\n"), CancellationToken.None);
        var after = await Runner.RunAsync(function, Utf8("calm\n"), CancellationToken.None);

        Assert.Equal(FailureReasons.OutOfMemory, bomb.LimitHit);
        Assert.False(bomb.Succeeded);
        Assert.Single(await Docker.ContainersOf(function));
        Assert.Equal("alive\n", Text(after.Output));
        Assert.True(after.Succeeded, after.Logs);
    }

    [Fact]
    public async Task The_run_not_the_agent_is_what_the_oom_killer_takes_first()
    {
        var outcome = await Runner.RunAsync(TestFunctions.Docker("sh", "-c", "cat /proc/self/oom_score_adj /proc/1/oom_score_adj"),
            ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("1000\n0\n", Text(outcome.Output));
    }

    [Fact]
    public async Task An_endless_loop_times_out_and_its_container_is_removed()
    {
        var function = TestFunctions.Docker("sh", "-c", "while true; do :; done") with { Timeout = TimeSpan.FromSeconds(1) };

        var loop = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        var next = await Runner.RunAsync(TestFunctions.Docker("echo", "next"), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.True(loop.TimedOut);
        Assert.Empty(await Docker.ContainersOf(function));
        Assert.Equal("next\n", Text(next.Output));
    }

    [Fact]
    public async Task Without_a_network_only_loopback_exists()
    {
        var outcome = await Runner.RunAsync(TestFunctions.Docker("cat", "/proc/net/dev"), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        var interfaces = Text(outcome.Output).Split('\n').Skip(2).Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => l.Split(':')[0].Trim()).ToList();
        Assert.Equal(["lo"], interfaces);
    }

    [Fact]
    public async Task A_connection_to_the_host_fails_without_a_network()
    {
        // A listener on the host's loopback: a container sharing the host's network would reach it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var function = TestFunctions.Docker("sh", "-c", $"if echo hi | nc -w 2 127.0.0.1 {port}; then echo connected; else echo refused; fi");

        var outcome = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("refused\n", Text(outcome.Output));
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task Only_tmp_is_writable()
    {
        var function = TestFunctions.Docker("sh", "-c", "echo x > /tmp/ok && echo tmp-ok; echo x > /bin/evil || echo root-refused; echo x > /evil || echo slash-refused");

        var outcome = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("tmp-ok\nroot-refused\nslash-refused\n", Text(outcome.Output));
        Assert.Contains("Read-only file system", outcome.Logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_function_runs_as_nobody_without_capabilities_or_privilege_gain()
    {
        var outcome = await Runner.RunAsync(TestFunctions.Docker("cat", "/proc/self/status"), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        var status = Text(outcome.Output).Split('\n').Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim());
        Assert.StartsWith("65534", status["Uid"], StringComparison.Ordinal);
        Assert.StartsWith("65534", status["Gid"], StringComparison.Ordinal);
        Assert.Equal("0000000000000000", status["CapEff"]);
        Assert.Equal("0000000000000000", status["CapBnd"]);
        Assert.Equal("1", status["NoNewPrivs"]);
    }

    [Fact]
    public async Task A_definition_may_run_as_root_in_the_same_box()
    {
        var function = TestFunctions.Docker("sh", "-c", "id -u; echo x > /bin/evil || echo refused") with { User = "0:0" };

        var outcome = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("0\nrefused\n", Text(outcome.Output));
    }

    [Fact]
    public async Task The_function_cannot_signal_its_agent_away()
    {
        var function = TestFunctions.Docker("sh", "-c", "kill -TERM 1; kill -INT 1; kill -HUP 1; kill -KILL 1; echo still");

        var first = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        var second = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("still\n", Text(first.Output));
        Assert.Equal("still\n", Text(second.Output));
        Assert.Single(await Docker.ContainersOf(function));
    }

    [Fact]
    public async Task A_background_process_dies_with_the_run()
    {
        // The first run waits until its background sleep has really started before it ends.
        var function = TestFunctions.Docker("sh", "-c",
            "read mode; if [ \"$mode\" = start ]; then sleep 30 & until grep -qx sleep /proc/$!/comm 2>/dev/null; do :; done; fi; " +
            "grep -lx sleep /proc/[0-9]*/comm 2>/dev/null | wc -l");

        var first = await Runner.RunAsync(function, Utf8("start\n"), CancellationToken.None);
        var second = await Runner.RunAsync(function, Utf8("look\n"), CancellationToken.None);

        Assert.Equal("1", Text(first.Output).Trim());
        Assert.Equal("0", Text(second.Output).Trim());
    }
    [Fact]
    public async Task A_function_cannot_send_the_node_to_a_host_socket()
    {
        // A socket on the node that the silo, as root, must never be made to connect to and write a run's input into.
        var hostSocket = Path.Combine(TestEnvironment.WorkFolder, $"host-{Guid.NewGuid():N}.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(hostSocket));
        listener.Listen();
        var function = TestFunctions.Docker("sh", "-c",
            "read mode; if [ \"$mode\" = swap ]; then cd /.faas/run && " +
            $"busybox ln -sf {hostSocket} agent.sock.new && busybox mv -f agent.sock.new agent.sock; fi; echo ran") with { Timeout = TimeSpan.FromSeconds(10) };

        var swap = await Runner.RunAsync(function, Utf8("swap\n"), CancellationToken.None);
        var next = await Runner.RunAsync(function, Utf8("secret\n"), CancellationToken.None);

        Assert.False(listener.Poll(0, SelectMode.SelectRead), "the node connected to the socket the function named");
        Assert.Contains("Read-only file system", swap.Logs, StringComparison.Ordinal);
        Assert.Equal("ran\n", Text(next.Output));
        Assert.True(next.Succeeded, next.Logs);
    }
}
