namespace Orleans.Faas.Chains;

/// <summary>A chain by name: its versions, and the entry point for running it.</summary>
[Alias("faas.IChainGrain")]
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the definition as the next version, unless it is the latest version's own, which changes nothing;
    /// throws <see cref="InvalidChainDefinitionException"/>.
    /// </summary>
    [Alias("Define")]
    Task<ChainRegistration> Define(ChainDefinition definition);

    [AlwaysInterleave, Alias("GetLatest")]
    Task<ChainVersion?> GetLatest();

    /// <summary>Removes every version; runs already started go on. False when the chain did not exist.</summary>
    [Alias("Delete")]
    Task<bool> Delete();

    /// <summary>
    /// Starts a run of the latest version with <paramref name="input"/> as the first step's input, once every step's
    /// function is registered; its outcome is POSTed to <paramref name="callbackUrl"/> when it ends, if one is given.
    /// Throws <see cref="ChainNotFoundException"/> or <see cref="Functions.FunctionNotFoundException"/>.
    /// </summary>
    [AlwaysInterleave, Alias("StartRun")]
    Task<ChainRunSnapshot> StartRun(byte[] input, string? callbackUrl);

    /// <summary>
    /// As <see cref="StartRun"/> without a callback, under <paramref name="runId"/>: a run already started under it is
    /// answered instead, so a caller that sends it again starts one run.
    /// </summary>
    [AlwaysInterleave, Alias("StartRunAs")]
    Task<ChainRunSnapshot> StartRunAs(Guid runId, byte[] input);

    /// <summary>The key its runs' callbacks are signed with; null when the chain does not exist.</summary>
    [AlwaysInterleave, Alias("GetCallbackSecret")]
    Task<string?> GetCallbackSecret();
}
