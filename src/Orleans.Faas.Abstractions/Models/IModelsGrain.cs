namespace Orleans.Faas.Models;

/// <summary>Reads the model store, the trainer and the history for clients; stateless, so any silo answers.</summary>
[Alias("faas.IModelsGrain")]
public interface IModelsGrain : IGrainWithIntegerKey
{
    [Alias("Overview")]
    Task<ModelsOverview> Overview(int limit);
}
