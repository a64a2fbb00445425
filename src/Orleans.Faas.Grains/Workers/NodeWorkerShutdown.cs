using Microsoft.Extensions.Options;

namespace Orleans.Faas.Workers;

/// <summary>
/// Drains the node when its silo stops cleanly (SIGTERM): first of all the silo's stop steps, while grains and the
/// rest of the cluster still answer, so queued tasks can be handed back and running ones can report their outcome.
/// </summary>
public sealed class NodeWorkerShutdown(NodeWorker node, IOptions<WorkerOptions> options) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<NodeWorkerShutdown>(ServiceLifecycleStage.Active, _ => Task.CompletedTask, _ => node.Close(options.Value.StopGrace));
}
