using Orleans.Faas.Functions;

namespace Orleans.Faas.Runtime.Secrets;

/// <summary>Where a node gets the current values of a function's secrets, decrypted on this node, to mount them.</summary>
public interface ISecretValues
{
    /// <summary>The value of each secret the function names, by name.</summary>
    /// <exception cref="Runners.FunctionStartException">A secret it names is gone, or cannot be decrypted here; the message names it, never a value.</exception>
    Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(FunctionDefinition function, CancellationToken cancellationToken);
}
