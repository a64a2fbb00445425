namespace Orleans.Faas.Gateway.Secrets;

/// <summary>A secret's name or value breaks the rules; the message says which rule, never the value.</summary>
/// <param name="field">What is wrong: <c>name</c> or <c>value</c>.</param>
public sealed class InvalidSecretException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
