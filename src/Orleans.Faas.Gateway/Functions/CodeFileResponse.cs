using Orleans.Faas.Functions;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>An uploaded code file as the API shows it: its name, size and hash, not its bytes.</summary>
public sealed record CodeFileResponse(string FileName, int Bytes, string Sha256)
{
    public static CodeFileResponse? From(CodeFile? code) => code is null ? null : From(CodeReference.Of(code));

    private static CodeFileResponse From(CodeReference code) => new(code.FileName, code.Bytes, code.Sha256);
}
