using System.Diagnostics;

namespace Orleans.Faas.Benchmarks.Latency;

/// <summary>A baseline: what a user would type by hand, the input on stdin and the output read to the end.</summary>
public sealed class RawCommand(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
{
    /// <summary><c>docker run --rm -i IMAGE [COMMAND...]</c> against the given engine.</summary>
    public static RawCommand DockerRun(string dockerHost, string image, params string[] command) =>
        new("docker", ["run", "--rm", "-i", image, .. command], new Dictionary<string, string> { ["DOCKER_HOST"] = dockerHost });

    /// <summary>A plain process spawn, what the process runner does at its core.</summary>
    public static RawCommand Spawn(string program) => new(program, [], new Dictionary<string, string>());

    public async Task<TimeSpan> RunOnce(string input)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        foreach (var arg in arguments)
            start.ArgumentList.Add(arg);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await errors}");
        _ = await output;
        return clock.Elapsed;
    }
}
