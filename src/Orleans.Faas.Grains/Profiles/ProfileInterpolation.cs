namespace Orleans.Faas.Profiles;

/// <summary>
/// A function's cost at any input size from the sizes it was measured at. Between two measured sizes every figure is
/// interpolated on a log-log scale (a power law through both points). Below the smallest measured size the smallest
/// point's figures stand, since fixed costs dominate small inputs. Above the largest, the log-log line through the two
/// largest points is extended with its slope clamped to [0, 2]: cost never falls with size and grows at most with its
/// square. One measured size answers for every size. Sizes below 1 count as 1.
/// </summary>
public static class ProfileInterpolation
{
    private const double MaxExtrapolationExponent = 2;

    /// <param name="points">One point per size, profiled or observed.</param>
    /// <returns>Null when there is no point to go by.</returns>
    public static ProfileEstimate? Estimate(IReadOnlyList<ProfilePoint> points, long inputSize)
    {
        if (points.Count == 0)
            return null;
        var sorted = points.OrderBy(p => p.InputSize).ToList();
        var source = sorted[0].Source;
        var size = Math.Max(1, inputSize);

        if (sorted.FirstOrDefault(p => SizeOf(p) == size) is { } exact)
            return new(inputSize, Interpolated: false, Extrapolated: false, source, exact.Stats, [exact.InputSize]);
        if (sorted.Count == 1 || size < SizeOf(sorted[0]))
        {
            var nearest = size < SizeOf(sorted[0]) ? sorted[0] : sorted[^1];
            return new(inputSize, Interpolated: true, Extrapolated: true, source, nearest.Stats, [nearest.InputSize]);
        }

        var upper = sorted.FindIndex(p => SizeOf(p) > size);
        var extrapolated = upper < 0;
        var (a, b) = extrapolated ? (sorted[^2], sorted[^1]) : (sorted[upper - 1], sorted[upper]);
        var stats = Between(a, b, size, extrapolating: extrapolated);
        return new(inputSize, Interpolated: true, extrapolated, source, stats, [a.InputSize, b.InputSize]);
    }

    private static RunStatistics Between(ProfilePoint a, ProfilePoint b, long size, bool extrapolating)
    {
        var (logA, logB) = (Math.Log(SizeOf(a)), Math.Log(SizeOf(b)));
        var logSize = Math.Log(size);
        double Figure(double x, double y) => PowerLaw(x, y, logA, logB, logSize, extrapolating);
        double? Optional(double? x, double? y) => x is { } vx && y is { } vy ? Figure(vx, vy) : null;

        var (sa, sb) = (a.Stats, b.Stats);
        var t = Math.Clamp((logSize - logA) / (logB - logA), 0, 1);
        return new RunStatistics(
            Figure(sa.WallMs, sb.WallMs),
            Figure(sa.WallQ1Ms, sb.WallQ1Ms),
            Figure(sa.WallQ3Ms, sb.WallQ3Ms),
            sa.WallSpread + (sb.WallSpread - sa.WallSpread) * t,
            Math.Min(sa.Samples, sb.Samples),
            Optional(sa.CpuMs, sb.CpuMs),
            Optional(sa.PeakMemoryBytes, sb.PeakMemoryBytes),
            Optional(sa.ReadBytes, sb.ReadBytes),
            Optional(sa.WriteBytes, sb.WriteBytes),
            Optional(sa.LlcReferences, sb.LlcReferences),
            Optional(sa.LlcMisses, sb.LlcMisses));
    }

    private static long SizeOf(ProfilePoint point) => Math.Max(1, point.InputSize);

    /// <summary>
    /// The figure at <paramref name="logSize"/> on the power law through (a, x) and (b, y), extended from b with its
    /// exponent clamped when extrapolating. A zero figure has no power law, so it goes linearly in log size instead;
    /// extrapolated, a figure never falls below its value at b.
    /// </summary>
    private static double PowerLaw(double x, double y, double logA, double logB, double logSize, bool extrapolating)
    {
        if (x <= 0 || y <= 0)
        {
            var linear = x + (y - x) * (logSize - logA) / (logB - logA);
            return extrapolating ? Math.Max(y, linear) : Math.Max(0, linear);
        }
        var exponent = (Math.Log(y) - Math.Log(x)) / (logB - logA);
        return extrapolating
            ? y * Math.Exp(Math.Clamp(exponent, 0, MaxExtrapolationExponent) * (logSize - logB))
            : x * Math.Exp(exponent * (logSize - logA));
    }
}
