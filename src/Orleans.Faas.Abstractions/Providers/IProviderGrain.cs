namespace Orleans.Faas.Providers;

/// <summary>One node, keyed by its node name: facts, status and the load its worker last reported.</summary>
[Alias("faas.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task Register(ProviderRegistration registration);

    [Alias("ReportLoad")]
    Task ReportLoad(ProviderLoad load);

    /// <summary>Null when no silo ever registered this provider.</summary>
    [AlwaysInterleave, Alias("GetSnapshot")]
    Task<ProviderSnapshot?> GetSnapshot();
}
