using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orleans.Faas.Gateway.Functions;

/// <summary>The multipart form of <c>POST /v1/functions</c> in the OpenAPI document, beside its JSON body.</summary>
public static class FunctionUploadForm
{
    public const string ContentType = "multipart/form-data";

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody ??= new OpenApiRequestBody();
        var body = (OpenApiRequestBody)operation.RequestBody;
        body.Content ??= new Dictionary<string, OpenApiMediaType>();
        body.Content[ContentType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { FunctionUpload.DefinitionPart, FunctionUpload.CodePart },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    [FunctionUpload.DefinitionPart] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "The function definition as JSON, as the application/json body would be (runtime python, entryPoint module:function).",
                        Examples = [JsonValue.Create("""{"name": "wordcount", "runtime": "python", "entryPoint": "wordcount:handler"}""")],
                    },
                    [FunctionUpload.CodePart] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Format = "binary",
                        Description = "Python code: a .py module (its file name is the module's name), or a .zip or .tar.gz archive of a package.",
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
