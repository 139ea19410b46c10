using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Opside.DataPlane.Billing;
using Opside.Grains.Errors;
using Stripe;
using Stripe.Checkout;

namespace Opside.Grains.Billing;

/// <summary>
/// Opside's calls to Stripe (docs/billing.md, "Stripe"), through Stripe.net's client built from <c>Stripe</c>: every
/// call that creates something carries an idempotency key derived from what it is for (the seller, the ledger row, the
/// invoice run), so a retry after a timeout, by Stripe.net or by the next run, returns the first answer instead of
/// charging twice. A failure Stripe reports or a network failure surfaces as <see cref="ProviderUnavailableException"/>.
/// </summary>
public sealed class StripeBilling(IOptions<StripeOptions> options, IHttpClientFactory httpClients)
{
    /// <summary>The HttpClient name; Stripe.net retries on its own, so no resilience handler is added.</summary>
    public const string HttpClientName = "stripe";

    /// <summary>The metadata key that names the seller on every Stripe object Opside creates; webhooks route by it.</summary>
    public const string SellerMetadata = "seller_id";

    private const int NetworkRetries = 2;

    private readonly Lazy<StripeClient> _client = new(() => Create(options.Value, httpClients));

    public bool Configured => options.Value.Configured;

    public async Task<string> CreateCustomerAsync(string sellerId, CancellationToken cancellationToken)
    {
        var customer = await CallAsync(() => new CustomerService(_client.Value).CreateAsync(new CustomerCreateOptions
        {
            Description = $"Opside seller {sellerId}",
            Metadata = new Dictionary<string, string> { [SellerMetadata] = sellerId },
        }, Key("customer", sellerId), cancellationToken), "create the customer");
        return customer.Id;
    }

    /// <summary>A Checkout session in setup mode that saves a card for the customer; its URL is where the seller goes.</summary>
    public async Task<string> CreateSetupCheckoutAsync(string sellerId, string customerId, string currency, Uri successUrl, Uri cancelUrl,
        CancellationToken cancellationToken)
    {
        var session = await CallAsync(() => new SessionService(_client.Value).CreateAsync(new SessionCreateOptions
        {
            Mode = "setup",
            Customer = customerId,
            // Setup mode offers the payment methods the account enables for the currency the seller will be charged in.
            Currency = currency.ToLowerInvariant(),
            SuccessUrl = successUrl.AbsoluteUri,
            CancelUrl = cancelUrl.AbsoluteUri,
            Metadata = new Dictionary<string, string> { [SellerMetadata] = sellerId },
            SetupIntentData = new SessionSetupIntentDataOptions { Metadata = new Dictionary<string, string> { [SellerMetadata] = sellerId } },
        }, new RequestOptions { IdempotencyKey = $"opside-checkout-{Guid.NewGuid():N}" }, cancellationToken), "start Checkout");
        return session.Url;
    }

    /// <summary>Makes the card a completed setup saved the customer's default for invoices; answers its id.</summary>
    public async Task<string?> UseSetupPaymentMethodAsync(string customerId, string setupIntentId, CancellationToken cancellationToken)
    {
        var intent = await CallAsync(() => new SetupIntentService(_client.Value).GetAsync(setupIntentId, cancellationToken: cancellationToken),
            "read the setup");
        if (string.IsNullOrEmpty(intent.PaymentMethodId))
            return null;
        await CallAsync(() => new CustomerService(_client.Value).UpdateAsync(customerId, new CustomerUpdateOptions
        {
            InvoiceSettings = new CustomerInvoiceSettingsOptions { DefaultPaymentMethod = intent.PaymentMethodId },
        }, Key("default-payment-method", customerId, intent.PaymentMethodId), cancellationToken), "save the card as default");
        return intent.PaymentMethodId;
    }

    /// <summary>One invoice item for one ledger entry, its key derived from the entry so it is created once.</summary>
    public async Task<string> CreateInvoiceItemAsync(string customerId, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var item = await CallAsync(() => new InvoiceItemService(_client.Value).CreateAsync(new InvoiceItemCreateOptions
        {
            Customer = customerId,
            Currency = entry.Currency.ToLowerInvariant(),
            Amount = CurrencyMinorUnits.ToMinorUnits(entry.Commission, entry.Currency),
            Description = string.Create(CultureInfo.InvariantCulture,
                $"{(entry.Kind == LedgerKinds.Credit ? "Credit for reversal" : "Commission")} {entry.Rate:0.####} on reimbursement {entry.ReimbursementId}, case {entry.CaseId}"),
            Metadata = new Dictionary<string, string>
            {
                [SellerMetadata] = entry.SellerId,
                ["claim_id"] = entry.ClaimId,
                ["reimbursement_id"] = entry.ReimbursementId,
                ["case_id"] = entry.CaseId,
                ["kind"] = entry.Kind,
            },
        }, Key("invoice-item", entry.SellerId, entry.EntryKey), cancellationToken), "create an invoice item");
        return item.Id;
    }

    /// <summary>
    /// The invoice of run <paramref name="run"/> in <paramref name="currency"/>: every pending invoice item of the
    /// customer in it, charged automatically once finalised.
    /// </summary>
    public async Task<string> CreateInvoiceAsync(string sellerId, string customerId, string currency, int run, CancellationToken cancellationToken)
    {
        var invoice = await CallAsync(() => new InvoiceService(_client.Value).CreateAsync(new InvoiceCreateOptions
        {
            Customer = customerId,
            Currency = currency.ToLowerInvariant(),
            CollectionMethod = "charge_automatically",
            AutoAdvance = true,
            PendingInvoiceItemsBehavior = "include",
            Description = "Opside commission on what Amazon reimbursed",
            Metadata = new Dictionary<string, string> { [SellerMetadata] = sellerId, ["run"] = run.ToString(CultureInfo.InvariantCulture) },
        }, Key("invoice", sellerId, run.ToString(CultureInfo.InvariantCulture), currency), cancellationToken), "create the invoice");
        return invoice.Id;
    }

    /// <summary>Finalises a draft invoice (Stripe then charges the saved card); answers Stripe's status after it.</summary>
    public async Task<string> FinalizeInvoiceAsync(string invoiceId, CancellationToken cancellationToken)
    {
        var service = new InvoiceService(_client.Value);
        try
        {
            var finalized = await service.FinalizeInvoiceAsync(invoiceId, new InvoiceFinalizeOptions { AutoAdvance = true },
                Key("finalize", invoiceId), cancellationToken);
            return finalized.Status;
        }
        catch (StripeException refused) when (refused.HttpStatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            // Stripe finalises an auto-advancing draft by itself after about an hour: a run resumed later finds it done.
            var invoice = await CallAsync(() => service.GetAsync(invoiceId, cancellationToken: cancellationToken), "read the invoice");
            if (invoice.Status == "draft")
                throw new ProviderUnavailableException($"Stripe refused to finalise invoice {invoiceId}: {refused.StripeError?.Message ?? refused.Message}");
            return invoice.Status;
        }
        catch (Exception failure) when (failure is StripeException or HttpRequestException or TaskCanceledException)
        {
            throw Unavailable("finalise the invoice", failure);
        }
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call();
        }
        catch (Exception failure) when (failure is StripeException or HttpRequestException or TaskCanceledException)
        {
            throw Unavailable(what, failure);
        }
    }

    // Only Stripe's error message and status, never the request: it carries no secret, but a response body might.
    private static ProviderUnavailableException Unavailable(string what, Exception failure) => new(failure is StripeException stripe
        ? $"Stripe could not {what}: {(int)stripe.HttpStatusCode} {stripe.StripeError?.Message ?? stripe.Message}. Nothing was charged twice; it is retried."
        : $"Stripe could not be reached to {what}. Nothing was charged twice; it is retried.");

    /// <summary>
    /// A key Stripe keeps for a day: the same purpose always gives the same key, and hashing keeps any seller id or
    /// report row identity within Stripe's 255 characters.
    /// </summary>
    private static RequestOptions Key(string purpose, params string[] parts)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return new RequestOptions { IdempotencyKey = $"opside-{purpose}-{Convert.ToHexStringLower(digest)}" };
    }

    private static StripeClient Create(StripeOptions stripe, IHttpClientFactory httpClients)
    {
        if (!stripe.Configured)
            throw new InvalidOperationException($"{StripeOptions.Section}:SecretKey is not set.");
        var http = new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), NetworkRetries);
        return new StripeClient(stripe.SecretKey, httpClient: http, apiBase: stripe.ApiBase?.AbsoluteUri.TrimEnd('/'));
    }
}
