// TEMPORARY stand-in until the runtime branch lands; removed at merge.
using System.Collections.Immutable;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Runtime.Benchmarks;

public static class BenchmarkWorkloads
{
    public const string Image = "orleans-faas/benchmark:latest";

    public static FunctionDefinition Cpu(string name, double scale = 1) => Of(name, "cpu", scale);

    public static FunctionDefinition Memory(string name, double scale = 1) => Of(name, "memory", scale);

    private static FunctionDefinition Of(string name, string mode, double scale) => new(
        name, FunctionRuntime.Docker, Image, ["/faas-bench", mode, scale.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ImmutableDictionary<string, string>.Empty, 1, 128, TimeSpan.FromSeconds(120), PullPolicy: ImagePullPolicy.Never);
}
