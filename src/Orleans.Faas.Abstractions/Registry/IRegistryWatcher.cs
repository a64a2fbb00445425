namespace Orleans.Faas.Registry;

/// <summary>Told of every name added to a registry it watches.</summary>
[Alias("faas.IRegistryWatcher")]
public interface IRegistryWatcher : IGrainObserver
{
    [OneWay, Alias("Added")]
    Task Added(string name);
}
