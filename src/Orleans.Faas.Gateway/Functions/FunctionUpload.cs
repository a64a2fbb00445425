using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>
/// Reads a registration: a JSON definition, or a <c>multipart/form-data</c> form with the definition in its
/// <c>definition</c> part and a code file (a .py module, a .zip or .tar.gz archive) in its <c>code</c> part.
/// </summary>
public static class FunctionUpload
{
    public const string DefinitionPart = "definition";
    public const string CodePart = "code";

    public static async Task<FunctionDefinition> ReadAsync(HttpRequest request, RequestBody body, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return (await body.ReadJson<FunctionRegistrationRequest>(request, cancellationToken)).ToDefinition();

        var form = await ReadFormAsync(request, body, cancellationToken);
        var definition = form.Files.GetFile(DefinitionPart) is { } definitionFile
            ? await ReadAllAsync(definitionFile, cancellationToken)
            : form[DefinitionPart] is [{ } text, ..] ? System.Text.Encoding.UTF8.GetBytes(text)
            : throw new MalformedRequestException($"The multipart form has no '{DefinitionPart}' part with the function definition as JSON.");
        var code = form.Files.GetFile(CodePart) is { } codeFile
            ? new CodeFile(Path.GetFileName(codeFile.FileName), await ReadAllAsync(codeFile, cancellationToken))
            : null;
        return body.ParseJson<FunctionRegistrationRequest>(definition).ToDefinition(code);
    }

    /// <summary>A multipart form read within the payload limit, then parsed from memory; a malformed one is a 400.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, RequestBody body, CancellationToken cancellationToken)
    {
        request.Body = new MemoryStream(await body.ReadBytes(request, cancellationToken), writable: false);
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new MalformedRequestException($"The multipart form is malformed: {e.Message}", e);
        }
    }

    public static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream((int)file.Length);
        await file.CopyToAsync(bytes, cancellationToken);
        return bytes.ToArray();
    }
}
