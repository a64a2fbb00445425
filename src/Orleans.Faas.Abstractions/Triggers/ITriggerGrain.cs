namespace Orleans.Faas.Triggers;

/// <summary>
/// A trigger by qualified name: its definition, and its runtime, which lives as long as the trigger and moves to
/// another silo when its silo dies.
/// </summary>
[Alias("faas.ITriggerGrain")]
public interface ITriggerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the definition, creating or replacing the trigger, unless it is the stored one, which changes nothing;
    /// stored before it returns. Throws <see cref="InvalidTriggerDefinitionException"/>.
    /// </summary>
    [Alias("Define")]
    Task<TriggerRegistration> Define(TriggerDefinition definition);

    /// <summary>The trigger and its status; null when it does not exist.</summary>
    [AlwaysInterleave, Alias("Get")]
    Task<TriggerView?> Get();

    /// <summary>Removes the trigger and stops its runtime; tasks it made go on. False when it did not exist.</summary>
    [Alias("Delete")]
    Task<bool> Delete();
}
