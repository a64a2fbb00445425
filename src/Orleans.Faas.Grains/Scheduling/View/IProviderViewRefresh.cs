namespace Orleans.Faas.Scheduling.View;

/// <summary>Brings the <see cref="ProviderView"/> up to date now, e.g. when it misses a provider that just registered.</summary>
public interface IProviderViewRefresh
{
    /// <summary>Never throws: a provider that cannot be reached now is tried again later.</summary>
    Task Refresh();
}
