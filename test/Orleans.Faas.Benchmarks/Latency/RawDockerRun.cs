using System.Diagnostics;

namespace Orleans.Faas.Benchmarks.Latency;

/// <summary>The baseline: what a user would type by hand, <c>docker run --rm -i IMAGE</c>, input on stdin.</summary>
public sealed class RawDockerRun(string dockerHost, string image)
{
    public async Task<TimeSpan> RunOnce(string input)
    {
        var start = new ProcessStartInfo("docker")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOCKER_HOST"] = dockerHost;
        foreach (var arg in new[] { "run", "--rm", "-i", image })
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
            throw new InvalidOperationException($"docker run exited with {process.ExitCode}: {await errors}");
        _ = await output;
        return clock.Elapsed;
    }
}
