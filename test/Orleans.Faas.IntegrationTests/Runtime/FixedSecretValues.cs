using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Runtime.Secrets;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>Secrets a test sets by name, in place of the cluster's; a name it has not set is missing, as a deleted secret is.</summary>
internal sealed class FixedSecretValues : ISecretValues
{
    private readonly Dictionary<string, byte[]> _values = [];

    public void Set(string name, string value)
    {
        lock (_values)
            _values[name] = System.Text.Encoding.UTF8.GetBytes(value);
    }

    public Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(FunctionDefinition function, CancellationToken cancellationToken)
    {
        lock (_values)
        {
            var missing = function.Secrets.FirstOrDefault(name => !_values.ContainsKey(name));
            return missing is null
                ? Task.FromResult<IReadOnlyDictionary<string, byte[]>>(function.Secrets.ToDictionary(name => name, name => _values[name]))
                : throw new FunctionStartException($"Secret '{missing}' does not exist.");
        }
    }
}
