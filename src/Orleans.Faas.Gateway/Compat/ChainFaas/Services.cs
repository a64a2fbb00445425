using System.Globalization;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Functions;
using Orleans.Faas.Gateway.Namespaces;

namespace Orleans.Faas.Gateway.Compat.ChainFaas;

/// <summary>A ChainFaaS service is a function, named by its name or by the numeric service id it was given (<c>serviceId</c>).</summary>
public static class Services
{
    /// <summary>
    /// The qualified name of the function <paramref name="serviceId"/> names in the request's namespace: a number is a
    /// service id first and a name only when no function carries that id. Whether a function of that name exists is
    /// left to whatever runs it.
    /// </summary>
    /// <exception cref="FunctionNotFoundException">It is no function name, and no function carries it as its service id.</exception>
    public static async Task<string> ResolveAsync(IGrainFactory grains, NamespaceScope scope, string serviceId)
    {
        if (int.TryParse(serviceId, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            // Registration refuses a taken id; two registrations racing could both pass, and then the first by name answers.
            && (await ServiceIds.HoldersAsync(grains, scope, number)).Order(StringComparer.Ordinal).FirstOrDefault() is { } holder)
            return holder;
        return scope.Qualify(serviceId) ?? throw new FunctionNotFoundException(serviceId);
    }
}
