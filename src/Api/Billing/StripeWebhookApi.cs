using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Opside.Api.RateLimiting;
using Opside.Grains.Billing;
using Opside.Grains.Sellers;
using Stripe;
using Stripe.Checkout;

namespace Opside.Api.Billing;

/// <summary>
/// Stripe's webhook (docs/api.md, "Billing"; docs/billing.md, "Webhooks"). Anonymous, so nothing is trusted before
/// the signature: the body is read up to a cap, checked against <c>Stripe:WebhookSecret</c> and a five-minute window,
/// and only then parsed and handed to the seller's billing grain, which applies it once. A bad or stale signature is a
/// 400 that changes nothing; a verified event Opside does not handle is acknowledged so Stripe stops sending it.
/// </summary>
public static class StripeWebhookApi
{
    public const string Path = "/api/billing/stripe/webhook";

    // Stripe's events are a few kilobytes; an invoice with many lines stays well under this.
    private const int MaxBodyBytes = 256 * 1024;
    private const long ToleranceSeconds = 300;

    public static IEndpointRouteBuilder MapStripeWebhookApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync).WithTags("Billing").AllowAnonymous()
            .WithSummary("Stripe's events, verified by their Stripe-Signature; each is applied once.")
            .RequireRateLimiting(RateLimitingExtensions.StripeWebhookPolicy);
        return endpoints;
    }

    private static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<StripeOptions> options, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.WebhookSecret))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Stripe webhooks are not configured.",
                detail: "Set Stripe:WebhookSecret to the endpoint's signing secret.");
        if (request.Headers["Stripe-Signature"].ToString() is not { Length: > 0 } signature)
            return Refused("The Stripe-Signature header is missing.");
        if (await ReadBoundedAsync(request, cancellationToken) is not { } json)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The event is too large.",
                detail: $"A Stripe event is at most {MaxBodyBytes / 1024} KiB here.");

        Event stripeEvent;
        try
        {
            // The API version of the account may differ from Stripe.net's: only the fields read below matter, and
            // those have the same shape in every version Opside supports.
            stripeEvent = EventUtility.ConstructEvent(json, signature, options.Value.WebhookSecret, ToleranceSeconds, throwOnApiVersionMismatch: false);
        }
        catch (StripeException refused)
        {
            // Stripe.net's message says which check failed (no signature matching, or a timestamp out of tolerance);
            // it carries neither the secret nor the body.
            return Refused(refused.Message);
        }
        catch (Exception malformed) when (malformed is System.Text.Json.JsonException or Newtonsoft.Json.JsonException or ArgumentException)
        {
            return Refused("The body is signed but is not a Stripe event.");
        }

        var log = loggers.CreateLogger(typeof(StripeWebhookApi));
        var (sellerId, notice) = Read(stripeEvent);
        if (!StripeEventNotice.Handled.Contains(stripeEvent.Type) || sellerId is null)
        {
            log.LogInformation("Stripe event {EventId} ({Type}) acknowledged: not one Opside applies", stripeEvent.Id, stripeEvent.Type);
            return TypedResults.Ok(new WebhookReceipt(stripeEvent.Id, StripeEventOutcomes.Ignored));
        }

        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
        {
            log.LogWarning("Stripe event {EventId} ({Type}) names seller {SellerId}, who does not exist; acknowledged", stripeEvent.Id, stripeEvent.Type, sellerId);
            return TypedResults.Ok(new WebhookReceipt(stripeEvent.Id, StripeEventOutcomes.Ignored));
        }

        return TypedResults.Ok(new WebhookReceipt(stripeEvent.Id, await grains.GetGrain<IBillingGrain>(sellerId).ApplyStripeEventAsync(notice)));
    }

    /// <summary>The seller the object names (Opside puts it in the metadata of everything it creates) and the notice.</summary>
    private static (string? SellerId, StripeEventNotice Notice) Read(Event e)
    {
        var created = new DateTimeOffset(DateTime.SpecifyKind(e.Created, DateTimeKind.Utc));
        return e.Data.Object switch
        {
            Session session => (Seller(session.Metadata),
                new StripeEventNotice(e.Id, e.Type, created, session.CustomerId, null, session.Currency, session.Mode, session.SetupIntentId, null)),
            Invoice invoice => (Seller(invoice.Metadata),
                new StripeEventNotice(e.Id, e.Type, created, invoice.CustomerId, invoice.Id, invoice.Currency, null, null, null)),
            Customer customer => (Seller(customer.Metadata),
                new StripeEventNotice(e.Id, e.Type, created, customer.Id, null, null, null, null, customer.InvoiceSettings?.DefaultPaymentMethodId)),
            _ => (null, new StripeEventNotice(e.Id, e.Type, created, null, null, null, null, null, null)),
        };
    }

    private static string? Seller(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(StripeBilling.SellerMetadata, out var seller) && !string.IsNullOrWhiteSpace(seller) ? seller : null;

    private static async Task<string?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
            return null;
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            length += read;
        return length > MaxBodyBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Stripe event is not verified.", detail: detail);
}

/// <summary>The event's id and what became of it: <c>Applied</c>, <c>Replayed</c> or <c>Ignored</c>.</summary>
public sealed record WebhookReceipt(string EventId, string Outcome);
