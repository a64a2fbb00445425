using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Runtime.Python;

namespace Orleans.Faas.Benchmarks.Latency;

/// <summary>
/// A Python no-op through the gateway: warm, against a raw <c>python3 -c pass</c> on this machine (what a warm call
/// saves is the interpreter's start-up), and cold (a fresh container per call), against a raw <c>docker run --rm</c>
/// of the same Python image running <c>python3 -c pass</c>. All four paths interleaved in the same run.
/// </summary>
public static class PythonInvokeBenchmark
{
    private const int WarmUpRuns = 2;
    private const string Input = "null";
    private const string NoOp = "def handler(_):\n    return None\n";

    public static async Task Run(Uri gateway, string dockerHost, int runs)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
        var warm = new GatewayInvoke(http, "bench-python-warm");
        var cold = new GatewayInvoke(http, "bench-python-cold");
        // Registering checks the source in a container of the Python image, so the image is built before anything is timed.
        await warm.Register(new { name = "bench-python-warm", runtime = "python", source = NoOp, timeoutSeconds = 30 });
        await cold.Register(new { name = "bench-python-cold", runtime = "python", source = NoOp, timeoutSeconds = 30, keepWarm = false });
        var rawPython = new RawCommand(PythonRootfs.Interpreter, ["-c", "pass"], new Dictionary<string, string>());
        var rawDocker = RawCommand.DockerRun(dockerHost, PythonContainer.Image, PythonRootfs.Interpreter, "-c", "pass");

        var rawPythonSamples = new Samples("raw /usr/bin/python3 -c pass");
        var warmSamples = new Samples("gateway sync invoke, warm");
        var rawDockerSamples = new Samples($"raw docker run --rm -i {PythonContainer.Image} python3 -c pass");
        var coldSamples = new Samples("gateway sync invoke, keepWarm=false");
        await Interleaved.Measure(WarmUpRuns, runs, Input,
            (rawPythonSamples, rawPython.RunOnce), (warmSamples, warm.RunOnce), (rawDockerSamples, rawDocker.RunOnce), (coldSamples, cold.RunOnce));

        ResultTable.Print($"Warm Python no-op (inline source, return None), {runs} runs each", rawPythonSamples, warmSamples);
        ResultTable.Print($"Cold Python start, {runs} runs each", rawDockerSamples, coldSamples);
    }
}
