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
    /// service id first and a name only when no function carries that id.
    /// </summary>
    /// <exception cref="FunctionNotFoundException">No function has that name or service id.</exception>
    public static async Task<string> ResolveAsync(IGrainFactory grains, NamespaceScope scope, string serviceId)
    {
        if (int.TryParse(serviceId, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            // Registration refuses a taken id; two registrations racing could both pass, and then the first by name answers.
            && (await ServiceIds.HoldersAsync(grains, scope, number)).Order(StringComparer.Ordinal).FirstOrDefault() is { } holder)
            return holder;
        var named = scope.Qualify(serviceId);
        return named is not null && await grains.GetGrain<IFunctionGrain>(named).GetLatest() is not null
            ? named
            : throw new FunctionNotFoundException(serviceId);
    }
}
