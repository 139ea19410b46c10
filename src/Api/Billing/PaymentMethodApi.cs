using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Sellers;
using Opside.Grains.Billing;
using Opside.Grains.Sellers;

namespace Opside.Api.Billing;

/// <summary>
/// Saving the card Opside charges its commission to (docs/api.md, "Billing"): a Stripe Checkout session in setup mode.
/// The card is Opside's to use once Stripe's <c>checkout.session.completed</c> webhook says so, not when this answers.
/// </summary>
public static class PaymentMethodApi
{
    public static RouteGroupBuilder MapPaymentMethodApi(this RouteGroupBuilder seller)
    {
        seller.MapPost("/billing/payment-method", StartAsync).WithTags("Billing")
            .WithSummary("A Stripe Checkout URL (setup mode) where the seller saves a card for Opside's invoices.");
        return seller;
    }

    private static async Task<Results<Ok<CheckoutLink>, ProblemHttpResult>> StartAsync(string sellerId, IGrainFactory grains)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        return TypedResults.Ok(new CheckoutLink(await grains.GetGrain<IBillingGrain>(sellerId).StartPaymentMethodSetupAsync()));
    }
}

public sealed record CheckoutLink(string CheckoutUrl);
