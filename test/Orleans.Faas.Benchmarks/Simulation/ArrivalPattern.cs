namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>How tasks arrive, at the same mean rate either way.</summary>
public enum ArrivalPattern
{
    /// <summary>A Poisson process: exponential gaps at a steady rate.</summary>
    Poisson,

    /// <summary>
    /// A two-state Markov-modulated Poisson process: bursts at 3× the mean rate for 20% of the time (exponential
    /// periods of 15 s on average), half the mean rate between them.
    /// </summary>
    Bursty,
}
