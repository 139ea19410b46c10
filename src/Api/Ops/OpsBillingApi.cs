using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Queries;
using Opside.Api.Sellers;
using Opside.DataPlane.Billing;
using Opside.Grains.Billing;
using Opside.Grains.Sellers;

namespace Opside.Api.Ops;

/// <summary>
/// Ops' billing (docs/api.md, "Billing"): the sellers in a billing status (PastDue: an invoice Stripe could not
/// charge), and one seller's invoice run now instead of on the monthly day.
/// </summary>
public static class OpsBillingApi
{
    private const int MaxPageSize = 1_000;

    public static RouteGroupBuilder MapOpsBillingApi(this RouteGroupBuilder ops)
    {
        ops.MapGet("/billing/sellers", ListAsync).WithSummary("The sellers in a billing status (NoPaymentMethod, Active, PastDue), by seller id.");
        ops.MapPost("/billing/sellers/{sellerId}/invoice", RunAsync)
            .WithSummary("Runs the seller's invoice now: pushes pending items, then creates and finalises one invoice per currency.");
        return ops;
    }

    private static async Task<Results<Ok<BillingAccountPage>, ProblemHttpResult>> ListAsync(
        string? status, string? page, string? pageSize, IGrainFactory grains)
    {
        if (status is null || !BillingStatuses.All.Contains(status))
            return QueryParameter.Invalid("status", $"Expected one of {string.Join(", ", BillingStatuses.All)}.");
        if (!QueryParameter.TryNumber(page, 1, int.MaxValue, 1, out var pageNumber))
            return QueryParameter.Invalid("page", "Expected a whole number from 1.");
        if (!QueryParameter.TryNumber(pageSize, 1, MaxPageSize, 100, out var size))
            return QueryParameter.Invalid("pageSize", $"Expected a whole number from 1 to {MaxPageSize}.");
        return TypedResults.Ok(await grains.GetGrain<IBillingAccountsReaderGrain>(0).ListAsync(status, pageNumber, size));
    }

    private static async Task<Results<Ok<InvoiceRunResult>, ProblemHttpResult>> RunAsync(string sellerId, IGrainFactory grains)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        return TypedResults.Ok(await grains.GetGrain<IBillingGrain>(sellerId).RunInvoiceAsync());
    }
}
