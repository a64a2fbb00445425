namespace Orleans.Faas.Providers;

/// <summary>A silo's view of the providers, told by each provider whenever its snapshot changes.</summary>
[Alias("faas.IProviderViewObserver")]
public interface IProviderViewObserver : IGrainObserver
{
    /// <param name="revision">Increases with every change of the provider, so that an older snapshot arriving late is ignored.</param>
    [Alias("Changed")]
    Task Changed(ProviderSnapshot snapshot, long revision);
}
