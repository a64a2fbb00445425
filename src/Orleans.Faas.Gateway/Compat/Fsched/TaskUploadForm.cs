using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orleans.Faas.Gateway.Functions;

namespace Orleans.Faas.Gateway.Compat.Fsched;

/// <summary>
/// The multipart form of <c>task/new</c> in the OpenAPI document. Described rather than declared with <c>Accepts</c>,
/// which would make routing answer another content type with 415 before the caller's key is checked, and before the
/// route can say that the file is missing.
/// </summary>
public static class TaskUploadForm
{
    public const string FilePart = "file";

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [FunctionUploadForm.ContentType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { FilePart },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            [FilePart] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                Format = "binary",
                                Description = "The task: any one file (task.sh, task.py, ...), in the working folder of the command that runs it.",
                            },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
