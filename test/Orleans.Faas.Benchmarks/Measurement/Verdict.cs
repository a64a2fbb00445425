namespace Orleans.Faas.Benchmarks.Measurement;

/// <summary>How a benchmark says whether it reached its target, spelled alike in every table and line.</summary>
public static class Verdict
{
    public static string Of(bool met) => met ? "met" : "NOT met";
}
