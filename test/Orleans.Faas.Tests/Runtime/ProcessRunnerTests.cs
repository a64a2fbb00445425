using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Processes;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Runtime;

public sealed class ProcessRunnerTests
{
    // As any user: a root test host switches runs to nobody, another runs them as itself (ProcessLockdownTests checks nobody
    // through a root silo). A cgroup root outside any cgroup tree gives them no cgroup.
    private static readonly Lazy<Task<ProcessSandbox>> Sandbox = new(() => ProcessSandbox.PrepareAsync(
        new ProcessOptions { CgroupRoot = Path.Combine(Path.GetTempPath(), $"no-cgroups-{Guid.NewGuid():N}", "faas") }, new DockerOptions()));

    private static ProcessRunner Runner(int maxOutputBytes = 16 * 1024 * 1024, int maxLogBytes = 64 * 1024) =>
        new(Sandbox.Value.Result, Options.Create(new RunnerOptions { MaxOutputBytes = maxOutputBytes, MaxLogBytes = maxLogBytes }), NullLogger<ProcessRunner>.Instance);

    private static FunctionDefinition Shell(string script, TimeSpan? timeout = null, ImmutableDictionary<string, string>? env = null) =>
        new("process-test", FunctionRuntime.Process, null, ["/bin/sh", "-c", script],
            env ?? ImmutableDictionary<string, string>.Empty, 0, 0, timeout ?? TimeSpan.FromSeconds(20));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Stdin_comes_back_as_the_result()
    {
        var outcome = await Runner().RunAsync(Shell("cat"), Utf8("hello, process"), CancellationToken.None);

        Assert.Equal("hello, process", Encoding.UTF8.GetString(outcome.Output));
        Assert.Equal(0, outcome.ExitCode);
        Assert.True(outcome.Succeeded);
        Assert.Equal("", outcome.Logs);
        Assert.True(outcome.WallTime > TimeSpan.Zero);
        Assert.Equal(new RunConditions(Cold: false, ContainerMs: null, CpuQuota: null), outcome.Conditions);
    }

    [Fact]
    public async Task Arguments_are_passed_one_by_one_without_a_shell()
    {
        var function = Shell("") with { Command = ["/usr/bin/printf", "%s|%s", "two words", "$HOME"] };

        var outcome = await Runner().RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("two words|$HOME", Encoding.UTF8.GetString(outcome.Output));
    }

    [Fact]
    public async Task A_failing_program_reports_its_exit_code_and_stderr()
    {
        var outcome = await Runner().RunAsync(Shell("echo line one >&2; echo boom >&2; exit 3"), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal(3, outcome.ExitCode);
        Assert.Equal("line one\nboom\n", outcome.Logs);
        Assert.False(outcome.TimedOut);
        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task A_timeout_kills_the_whole_process_tree()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"faas-child-{Guid.NewGuid():N}.pid");
        try
        {
            var function = Shell($"sleep 30 & echo $! > {pidFile}; sleep 30", TimeSpan.FromSeconds(1));

            var outcome = await Runner().RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

            Assert.True(outcome.TimedOut);
            Assert.Null(outcome.ExitCode);
            Assert.InRange(outcome.WallTime, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
            var childPid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            await Poll.UntilAsync(() => IsGone(childPid), TimeSpan.FromSeconds(5), $"the background child {childPid} to be gone after the timeout");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task Cancellation_kills_the_program_and_throws()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Runner().RunAsync(Shell("sleep 30"), ReadOnlyMemory<byte>.Empty, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Cancellation took {clock.Elapsed}.");
    }

    [Fact]
    public async Task Output_past_the_limit_is_cut_and_marked_truncated()
    {
        var outcome = await Runner(maxOutputBytes: 1000).RunAsync(Shell("head -c 100000 /dev/zero"), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal(1000, outcome.Output.Length);
        Assert.True(outcome.OutputTruncated);
        Assert.Equal(0, outcome.ExitCode);
        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task Long_stderr_keeps_its_tail_behind_a_marker()
    {
        const int Lines = 2000;
        var written = Enumerable.Range(0, Lines).Sum(i => $"line {i}\n".Length);
        var script = $"i=0; while [ $i -lt {Lines} ]; do echo \"line $i\" >&2; i=$((i+1)); done";

        var outcome = await Runner(maxLogBytes: 100).RunAsync(Shell(script), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        var marker = $"[... {written - 100} earlier bytes of stderr dropped ...]\n";
        Assert.StartsWith(marker, outcome.Logs, StringComparison.Ordinal);
        Assert.EndsWith("line 1999\n", outcome.Logs, StringComparison.Ordinal);
        Assert.Equal(100, outcome.Logs.Length - marker.Length);
    }

    [Fact]
    public async Task A_missing_program_is_a_start_failure()
    {
        var function = Shell("") with { Command = ["/nonexistent/faas-program", "arg"] };

        var failure = await Assert.ThrowsAsync<FunctionStartException>(() =>
            Runner().RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None));

        Assert.Contains("/nonexistent/faas-program", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_function_gets_its_own_env_and_a_bare_path_and_nothing_of_the_silos()
    {
        var inherited = $"FAAS_TEST_INHERITED_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(inherited, "from-host");
        try
        {
            var env = ImmutableDictionary<string, string>.Empty.Add("GREETING", "hej");
            var outcome = await Runner().RunAsync(Shell("/usr/bin/env", env: env) with { Command = ["/usr/bin/env"] }, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

            Assert.Equal(["GREETING=hej", "PATH=/usr/local/bin:/usr/bin:/bin"], Encoding.UTF8.GetString(outcome.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        }
        finally
        {
            Environment.SetEnvironmentVariable(inherited, null);
        }
    }

    [Fact]
    public async Task The_functions_env_reaches_its_program_only_not_the_steps_that_start_it()
    {
        // Each dynamically linked program started with it says once on stderr that the library could not be preloaded;
        // under a root test host, setpriv's step runs as root before the program and must not be one of them.
        var preload = Shell("") with { Command = ["/usr/bin/id", "-u"], Env = ImmutableDictionary<string, string>.Empty.Add("LD_PRELOAD", "/nonexistent/faas-evil.so") };

        var outcome = await Runner().RunAsync(preload, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Single(outcome.Logs.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.Contains("faas-evil.so", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_program_is_looked_up_in_the_functions_own_path_else_in_the_bare_one()
    {
        var nologin = Shell("") with { Command = ["nologin"] };

        var outcome = await Runner().RunAsync(nologin with { Env = nologin.Env.Add("PATH", "/usr/sbin:/usr/bin:/bin") }, ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => Runner().RunAsync(nologin, ReadOnlyMemory<byte>.Empty, CancellationToken.None));

        Assert.Equal("This account is currently not available.\n", Encoding.UTF8.GetString(outcome.Output));
        Assert.Equal("Program 'nologin' of function 'process-test' was not found in PATH /usr/local/bin:/usr/bin:/bin.", failure.Message);
    }

    [Fact]
    public async Task The_run_has_a_working_folder_of_its_own_that_is_gone_afterwards()
    {
        var outcome = await Runner().RunAsync(Shell("pwd; stat -c '%u %a' .; id -u; echo x > made-here"), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        var lines = Encoding.UTF8.GetString(outcome.Output).Split('\n');
        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "faas-run-"), lines[0], StringComparison.Ordinal);
        Assert.Equal($"{lines[2]} 700", lines[1]);
        Assert.False(Directory.Exists(lines[0]), $"{lines[0]} outlived its run.");
    }

    [Fact]
    public async Task The_working_folder_is_gone_after_a_timeout_too()
    {
        var outcome = await Runner().RunAsync(Shell("pwd; echo x > made-here; sleep 30", TimeSpan.FromSeconds(1)), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        var folder = Encoding.UTF8.GetString(outcome.Output).Trim();
        Assert.True(outcome.TimedOut);
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "faas-run-"), folder, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), $"{folder} outlived its run.");
    }

    [Fact]
    public async Task Several_mebibytes_round_trip_without_deadlock()
    {
        var input = new byte[8 * 1024 * 1024];
        Random.Shared.NextBytes(input);

        var outcome = await Runner().RunAsync(Shell("cat"), input, CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(input.Length, outcome.Output.Length);
        Assert.True(input.AsSpan().SequenceEqual(outcome.Output), "The output differs from the input.");
    }

    [Fact]
    public async Task A_program_that_ignores_its_input_still_finishes()
    {
        var outcome = await Runner().RunAsync(Shell("echo done"), new byte[4 * 1024 * 1024], CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("done\n", Encoding.UTF8.GetString(outcome.Output));
    }

    [Fact]
    public async Task A_background_child_left_holding_stdout_does_not_hold_the_run_until_its_timeout()
    {
        var outcome = await Runner().RunAsync(Shell("sleep 4 & echo out", TimeSpan.FromSeconds(20)), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("out\n", Encoding.UTF8.GetString(outcome.Output));
        Assert.True(outcome.WallTime < TimeSpan.FromSeconds(4), $"The run took {outcome.WallTime}.");
    }

    /// <summary>Gone, or a zombie: killed and waiting only for a reaper, which in some sandboxes never comes.</summary>
    private static bool IsGone(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
