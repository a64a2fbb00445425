using Microsoft.AspNetCore.Authorization;

namespace Orleans.Faas.Dashboard.SignIn;

/// <summary>
/// Met by a user signed in to the dashboard, or by anyone while the gateway itself runs open: a gateway that asks no
/// key of its API has none to ask at its dashboard either.
/// </summary>
internal sealed class SignedInOrOpen : IAuthorizationRequirement
{
    /// <summary>Asks the gateway whether it is open, as any client would.</summary>
    internal sealed class Handler(GatewayClients gateway) : AuthorizationHandler<SignedInOrOpen>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInOrOpen requirement)
        {
            if (DashboardSignIn.KeyOf(context.User) is not null || await gateway.IsOpen(CancellationToken.None))
                context.Succeed(requirement);
        }
    }
}
