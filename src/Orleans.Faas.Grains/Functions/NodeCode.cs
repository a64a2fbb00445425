using Microsoft.Extensions.Caching.Memory;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Functions;

/// <summary>
/// The code files this node runs, by content hash: a task carries only a <see cref="CodeReference"/>, so a node fetches
/// each file from its function once and keeps the most recently used ones, up to <see cref="MaxBytes"/>.
/// </summary>
public sealed class NodeCode(IGrainFactory grains) : IDisposable
{
    public const long MaxBytes = 256L * 1024 * 1024;

    private readonly MemoryCache _files = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    /// <summary>The definition with its code file in it; throws <see cref="FunctionStartException"/> when the function no longer has that code.</summary>
    public async Task<FunctionDefinition> Complete(FunctionDefinition definition, CodeReference? code)
    {
        if (code is null)
            return definition;
        var file = await _files.GetOrCreateAsync(code.Sha256, async entry =>
        {
            entry.Size = code.Bytes;
            return await grains.GetGrain<IFunctionGrain>(definition.Name).GetCode(code.Sha256)
                ?? throw new FunctionStartException($"Function '{definition.Name}' no longer has the code file {code.FileName} ({code.Sha256}) this task was submitted with.");
        });
        return definition with { Code = file };
    }

    public void Dispose() => _files.Dispose();
}
