namespace Orleans.Faas.Scheduling;

/// <summary>The standard normal distribution, which .NET does not ship and ML.NET keeps internal.</summary>
public static class StandardNormal
{
    /// <summary>
    /// P(Z ≤ <paramref name="z"/>), through the complementary error function of Abramowitz and Stegun, Handbook of
    /// Mathematical Functions, 7.1.26: within 1.5e-7, far finer than any run-time prediction.
    /// </summary>
    public static double Cdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.Exp(-x * x);
        return z >= 0 ? 1 - erfc / 2 : erfc / 2;
    }
}
