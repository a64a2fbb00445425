using System.Text.Json;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// Which function version a warm container serves: containers are shared only by runs of an identical definition, so a
/// new version never reuses an old box. The name apart, so that every version of a function can be found at once.
/// </summary>
internal sealed record WarmPoolKey(string Function, string Definition)
{
    public static WarmPoolKey Of(FunctionDefinition function) => new(function.Name, JsonSerializer.Serialize(function));
}
