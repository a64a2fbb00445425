namespace Orleans.Faas.Client;

/// <summary>A runtime model's cross-validated error: mean absolute error in ms, MAPE, and R² of log wall time.</summary>
public sealed record ModelMetrics
{
    public double MaeMs { get; init; }

    public double Mape { get; init; }

    public double R2 { get; init; }

    public int Rows { get; init; }

    public int Folds { get; init; }
}
