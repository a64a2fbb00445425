namespace Orleans.Faas.Client;

/// <summary>How far recent predictions for one function on one provider were from the run times measured.</summary>
public sealed record LiveError
{
    public string Function { get; init; } = "";

    public string Provider { get; init; } = "";

    public double Mape { get; init; }

    public int Samples { get; init; }
}
