using Microsoft.Extensions.Options;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.Gateway.Namespaces;

/// <summary>Counts an invocation or a batch against its namespace's limit before anything is created; nothing at all without a limit.</summary>
public sealed class NamespaceAdmission(IOptions<NamespaceOptions> options, IGrainFactory grains)
{
    /// <exception cref="NamespaceLimitReachedException">The namespace is at its limit.</exception>
    public async Task Admit(string @namespace, AdmittedWork work)
    {
        var limit = options.Value.LimitOf(@namespace);
        if (limit > 0 && !await grains.GetGrain<INamespaceLimitGrain>(@namespace).TryAdmit(work, limit))
            throw new NamespaceLimitReachedException(@namespace, limit);
    }
}
