using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.HttpModel.Secrets;
using Orleans.Faas.Keys;
using Orleans.Faas.Secrets;

namespace Orleans.Faas.Gateway.Secrets;

/// <summary>Write-only secrets: set, list by name, delete. No route returns a value.</summary>
public static class SecretEndpoints
{
    public static void MapSecretEndpoints(this RouteGroupBuilder v1)
    {
        var secrets = v1.MapGroup("/secrets").WithTags("Secrets").RequireRole(ApiKeyRole.Developer);

        secrets.MapPut("/{name}", async (string name, HttpContext context, NamespaceScope scope, RequestBody body, IGrainFactory grains) =>
        {
            if (!SecretRules.IsValidName(name))
                throw new InvalidSecretException("name", SecretRules.NameRule);
            var value = await body.ReadBytes(context.Request, SecretRules.MaxValueBytes, context.RequestAborted);
            if (value.Length == 0)
                throw new InvalidSecretException("value", "The request body is the secret's value, and it is empty.");
            var created = await grains.GetGrain<ISecretsGrain>(scope.Namespace).Set(name, value);
            return created ? Results.Created($"/v1/secrets/{name}", null) : Results.NoContent();
        })
        .WithSummary("Create or replace a secret; its value is never returned")
        .WithDescription($"The request body, of any content type, is the value: 1 to {SecretRules.MaxValueBytes} bytes. It is encrypted "
            + "before it is stored and mounted only into the containers of functions that name it, as the file /run/secrets/{name}. "
            + "201 when created, 204 when replaced: the next run of such a function sees the new value, in a warm container too.")
        .Produces(StatusCodes.Status201Created)
        .Produces(StatusCodes.Status204NoContent)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        secrets.MapGet("/", async (NamespaceScope scope, IGrainFactory grains) =>
            Results.Ok((await grains.GetGrain<ISecretsGrain>(scope.Namespace).List()).Select(SecretResponse.From).ToList()))
        .WithSummary("List the namespace's secrets by name, with when each was created and last replaced; never their values")
        .Produces<List<SecretResponse>>();

        secrets.MapDelete("/{name}", async (string name, NamespaceScope scope, IGrainFactory grains) =>
            await grains.GetGrain<ISecretsGrain>(scope.Namespace).Delete(name) ? Results.NoContent() : throw new SecretNotFoundException(name))
        .WithSummary("Delete a secret; a function that still names it fails its next run, saying which secret is gone")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
