using Orleans.Faas.Functions;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// Which function version a warm container serves: containers are shared only by runs of an identical definition, so a
/// new version never reuses an old box. The name apart, so that every version of a function can be found at once.
/// </summary>
/// <param name="Version">The definition's <see cref="WarmKey"/>, which the node's load reports its idle containers by.</param>
internal sealed record WarmPoolKey(string Function, string Version)
{
    public static WarmPoolKey Of(FunctionDefinition function) => new(function.Name, WarmKey.Of(function));
}
