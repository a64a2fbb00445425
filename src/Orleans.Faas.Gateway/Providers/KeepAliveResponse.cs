using Orleans.Faas.Providers;

namespace Orleans.Faas.Gateway.Providers;

/// <summary>A function's keep-alive decision on a node (<see cref="KeepAliveDecision"/>), its windows in seconds.</summary>
/// <param name="KeepAliveSeconds">How long an idle container of it is kept: after a run, or after the prewarm when there is one.</param>
/// <param name="PrewarmAfterSeconds">How long after a run a container is started ahead of the next one; 0 keeps the run's container instead.</param>
/// <param name="Representative">Whether the idle-time histogram decided; false means the fixed keep-alive applies, <paramref name="Basis"/> says why.</param>
/// <param name="IdleTimes">Idle times between its invocations seen on the node.</param>
public sealed record KeepAliveResponse(
    string Function,
    double KeepAliveSeconds,
    double PrewarmAfterSeconds,
    bool Representative,
    KeepAliveBasis Basis,
    int IdleTimes)
{
    public static KeepAliveResponse From(string function, KeepAliveDecision d) =>
        new(function, Math.Round(d.KeepAlive.TotalSeconds, 3), Math.Round(d.PrewarmAfter.TotalSeconds, 3), d.Representative, d.Basis, d.IdleTimes);
}
