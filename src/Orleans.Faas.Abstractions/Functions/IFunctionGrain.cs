namespace Orleans.Faas.Functions;

/// <summary>A function by name: its versions and the entry point for invoking it.</summary>
[Alias("faas.IFunctionGrain")]
public interface IFunctionGrain : IGrainWithStringKey
{
    /// <summary>Stores the definition as the next version; throws <see cref="InvalidFunctionDefinitionException"/>.</summary>
    [Alias("Register")]
    Task<FunctionVersion> Register(FunctionDefinition definition);

    [Alias("GetLatest")]
    Task<FunctionVersion?> GetLatest();

    /// <summary>Removes every version; false when the function did not exist.</summary>
    [Alias("Delete")]
    Task<bool> Delete();

    /// <summary>
    /// Creates a queued task for the latest version; throws <see cref="FunctionNotFoundException"/>. Invocations of one
    /// function interleave: each reads the latest version before its first await and waits only for its own task.
    /// </summary>
    [AlwaysInterleave, Alias("Invoke")]
    Task<Guid> Invoke(byte[] input);
}
