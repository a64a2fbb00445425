using System.Globalization;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// The host's 1-minute load average, printed beside the results: the providers share this host's cores, so work of
/// other programs slows them all alike and hides their differences. Null where /proc does not tell.
/// </summary>
public static class HostLoad
{
    public static double? OneMinute()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) && double.TryParse(File.ReadAllText(loadAverage).Split(' ')[0], CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
    }

    public static string Describe() => OneMinute() is { } load ? $"host load {load:0.0} on {Environment.ProcessorCount} cores" : "host load unknown";
}
