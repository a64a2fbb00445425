namespace Orleans.Faas.Client;

/// <summary>What an API key may do; each role may do everything the ones after it may.</summary>
public enum ApiKeyRole
{
    /// <summary>Providers, drain, benchmarks, models, the execution history, keys: everything, in every namespace.</summary>
    Admin,

    /// <summary>Registers, deletes and invokes functions and chains in its namespaces, and reads their tasks.</summary>
    Developer,

    /// <summary>Invokes functions and chains in its namespaces, and reads their tasks' status, results and logs.</summary>
    Invoker,
}
