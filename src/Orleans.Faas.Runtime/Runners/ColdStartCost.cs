namespace Orleans.Faas.Runtime.Runners;

/// <summary>What getting a new container has cost on this node lately: an exponentially weighted mean, recent starts weighing most.</summary>
public sealed class ColdStartCost
{
    private const double Weight = 0.3;
    private readonly Lock _lock = new();
    private double? _ms;

    /// <summary>Null until a container was started.</summary>
    public double? Ms
    {
        get
        {
            lock (_lock)
                return _ms;
        }
    }

    public void Add(double containerMs)
    {
        lock (_lock)
            _ms = _ms is { } mean ? mean + Weight * (containerMs - mean) : containerMs;
    }
}
