using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Gateway.Secrets;
using Orleans.Faas.HttpModel.Triggers;
using Orleans.Faas.Keys;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Registry;
using Orleans.Faas.Triggers;

namespace Orleans.Faas.Gateway.Triggers;

/// <summary>Triggers: what invokes a function on a schedule or per MQTT message, by name within a namespace.</summary>
public static class TriggerEndpoints
{
    public static void MapTriggerEndpoints(this RouteGroupBuilder v1)
    {
        var triggers = v1.MapGroup("/triggers").WithTags("Triggers").RequireRole(ApiKeyRole.Developer);

        triggers.MapPost("/", async (HttpRequest request, NamespaceScope scope, RequestBody body, IGrainFactory grains, CancellationToken ct) =>
        {
            var definition = (await body.ReadJson<TriggerDefinitionRequest>(request, ct)).ToDefinition(scope);
            var errors = TriggerDefinitionValidator.Validate(definition);
            if (!errors.IsEmpty)
                throw new InvalidTriggerDefinitionException(errors);
            // A trigger of a function that is not there would only fail at every firing: say so now, before anything is stored.
            if (await grains.GetGrain<IFunctionGrain>(definition.Function).GetLatest() is null)
                throw new InvalidTriggerDefinitionException(ImmutableDictionary<string, string[]>.Empty.Add("function",
                    [$"Function '{QualifiedName.LocalName(definition.Function)}' does not exist in namespace '{scope.Namespace}'; register it first."]));
            foreach (var (field, secret) in new[] { ("mqtt.usernameSecret", definition.Mqtt?.UsernameSecret), ("mqtt.passwordSecret", definition.Mqtt?.PasswordSecret) })
            {
                if (secret is not null)
                    await SecretCheck.ThrowIfMissingAsync(grains, scope.Namespace, [secret], field, refused => new InvalidTriggerDefinitionException(refused));
            }

            var registration = await grains.GetGrain<ITriggerGrain>(definition.Name).Define(definition);
            var trigger = TriggerResponse.From(registration.Trigger);
            return registration.Created ? Results.Created($"/v1/triggers/{trigger.Name}", trigger) : Results.Ok(trigger);
        })
        .WithSummary("Create or replace a trigger: a schedule (cron, timeZone, catchUp, input) or an MQTT subscription (mqtt: url, topic, qos, ...) that invokes a function")
        .WithDescription("Exactly one of schedule and mqtt. Stored before it is answered: 201 when created, 200 when replaced or the same as "
            + "the stored one (which changes nothing). Each scheduled time fires once across the cluster, through a task made under an "
            + "idempotency key of the trigger and the time; a replaced schedule fires from its replacement on.")
        .Accepts<TriggerDefinitionRequest>("application/json")
        .Produces<TriggerResponse>(StatusCodes.Status201Created)
        .Produces<TriggerResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        triggers.MapGet("/", async (NamespaceScope scope, IGrainFactory grains) =>
        {
            var names = (await grains.GetGrain<IRegistryGrain>(Registries.Triggers).List()).Where(scope.Holds);
            var views = await Task.WhenAll(names.Select(name => grains.GetGrain<ITriggerGrain>(name).Get()));
            return Results.Ok(views.OfType<TriggerView>().Select(TriggerResponse.From).ToList());
        })
        .WithSummary("List the namespace's triggers with their status")
        .Produces<List<TriggerResponse>>();

        triggers.MapGet("/{name}", async (string name, NamespaceScope scope, IGrainFactory grains) =>
            Results.Ok(TriggerResponse.From(await Trigger(grains, scope, name).Get() ?? throw new TriggerNotFoundException(name))))
        .WithSummary("Get a trigger and its status: the silo it is on, its last and next firing, how many fired, failed and were skipped, its last error, its latest firings")
        .Produces<TriggerResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        triggers.MapDelete("/{name}", async (string name, NamespaceScope scope, IGrainFactory grains) =>
            await Trigger(grains, scope, name).Delete() ? Results.NoContent() : throw new TriggerNotFoundException(name))
        .WithSummary("Delete a trigger; it fires no more, and the tasks it made go on")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The trigger <paramref name="name"/> of the request's namespace; a name no trigger can have is not found.</summary>
    private static ITriggerGrain Trigger(IGrainFactory grains, NamespaceScope scope, string name) =>
        grains.GetGrain<ITriggerGrain>(scope.Qualify(name) ?? throw new TriggerNotFoundException(name));
}
