using Opside.Hosting.Security;

namespace Opside.Api.Sellers;

/// <summary>
/// A seller's user reaches only its own seller; Ops reach all. Any other seller id answers 404, not 403,
/// so that the answer does not confirm the seller exists.
/// </summary>
public sealed class SellerAccessFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        var sellerId = context.HttpContext.GetRouteValue("sellerId") as string;
        var allowed = user.IsInRole(OpsidePolicies.OpsRole) ||
                      (sellerId is not null && user.FindFirst(OpsidePolicies.SellerIdClaim)?.Value == sellerId);
        return allowed ? next(context) : ValueTask.FromResult<object?>(SellersApi.NotFound());
    }
}
