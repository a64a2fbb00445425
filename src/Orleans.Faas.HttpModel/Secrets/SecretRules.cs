using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;

namespace Orleans.Faas.HttpModel.Secrets;

/// <summary>What a secret and a function's list of secrets must meet; shared by the gateway and the grains.</summary>
public static class SecretRules
{
    /// <summary>The largest value a secret may hold: a password, a token, a key file, a small config.</summary>
    public const int MaxValueBytes = 64 * 1024;

    /// <summary>The most secrets one function may name.</summary>
    public const int MaxPerFunction = 64;

    public const string NameRule = "Secret names must be 1-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit.";

    /// <summary>Secret names follow the function-name rule, which also keeps them safe as file names under /run/secrets.</summary>
    public static bool IsValidName(string? name) => FunctionDefinitionValidator.IsValidName(name);

    /// <summary>What is wrong with a function's list of secrets, each as one message; none when it is fine.</summary>
    public static IEnumerable<string> Problems(FunctionDefinition definition)
    {
        var secrets = definition.Secrets;
        if (secrets.IsEmpty)
            yield break;
        if (definition.Runtime == FunctionRuntime.Process)
            yield return "A process function cannot have secrets: they are mounted as files in the function's container, and a process runs in none.";
        if (secrets.Length > MaxPerFunction)
            yield return $"A function may name at most {MaxPerFunction} secrets.";
        foreach (var name in secrets.Where(name => !IsValidName(name)))
            yield return $"Secret '{name}': {NameRule}";
        foreach (var name in secrets.GroupBy(name => name).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return $"Secret '{name}' is named more than once.";
    }
}
