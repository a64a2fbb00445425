namespace Orleans.Faas.Telemetry;

/// <summary>The mean of the latest <see cref="Window"/> relative errors.</summary>
internal sealed class RollingError
{
    public const int Window = 50;

    private readonly Queue<double> _errors = new();
    private readonly Lock _lock = new();

    public double Mean
    {
        get
        {
            lock (_lock)
                return _errors.Count == 0 ? 0 : _errors.Average();
        }
    }

    public void Add(double error)
    {
        lock (_lock)
        {
            _errors.Enqueue(error);
            if (_errors.Count > Window)
                _errors.Dequeue();
        }
    }
}
