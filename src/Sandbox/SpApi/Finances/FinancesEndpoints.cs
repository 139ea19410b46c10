using System.Globalization;
using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox.SpApi.Finances;

/// <summary>
/// Finances v0 listFinancialEvents with Amazon's rules: PostedBefore (and PostedAfter) at least two minutes in the past,
/// a range over 180 days returns an empty page, paging by NextToken with an occasional empty page that still has one.
/// The sandbox's events are refunds; every other list is present and empty.
/// </summary>
public static class FinancesEndpoints
{
    public static readonly IReadOnlyList<string> EventLists =
    [
        "ShipmentEventList", "ShipmentSettleEventList", "RefundEventList", "GuaranteeClaimEventList", "ChargebackEventList", "PayWithAmazonEventList",
        "ServiceProviderCreditEventList", "RetrochargeEventList", "RentalTransactionEventList", "PerformanceBondRefundEventList", "ProductAdsPaymentEventList",
        "ServiceFeeEventList", "SellerDealPaymentEventList", "DebtRecoveryEventList", "LoanServicingEventList", "AdjustmentEventList", "SAFETReimbursementEventList",
        "SellerReviewEnrollmentPaymentEventList", "FBALiquidationEventList", "CouponPaymentEventList", "ImagingServicesFeeEventList",
        "NetworkComminglingTransactionEventList", "AffordabilityExpenseEventList", "AffordabilityExpenseReversalEventList", "RemovalShipmentEventList",
        "RemovalShipmentAdjustmentEventList", "TrialShipmentEventList", "TDSReimbursementEventList", "AdhocDisbursementEventList", "TaxWithholdingEventList",
        "ChargeRefundEventList", "FailedAdhocDisbursementEventList", "ValueAddedServiceChargeEventList", "CapacityReservationBillingEventList",
    ];

    private static readonly TimeSpan Lag = TimeSpan.FromMinutes(2);

    public static IEndpointRouteBuilder MapFinances(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/finances/v0/financialEvents", List).WithMetadata(SpApiOperation.ListFinancialEvents);
        return endpoints;
    }

    private static IResult List(HttpContext context, SellerRegistry sellers, TimeProvider time)
    {
        var query = context.Request.Query;
        var partner = SpApiGate.PartnerOf(context);
        var now = time.GetUtcNow();
        EventsPage? page;
        if (query.TryGetValue("NextToken", out var token))
        {
            page = PageToken.Decode<EventsPage>(token.ToString());
            if (page is null || page.Partner != partner)
                return SpApiErrors.InvalidInput("Invalid NextToken.");
        }
        else
        {
            if (!TryDate(query["PostedAfter"], out var after))
                return SpApiErrors.InvalidInput("PostedAfter is required and must be an ISO 8601 date-time.");
            var before = now - Lag;
            if (query.ContainsKey("PostedBefore") && !TryDate(query["PostedBefore"], out before))
                return SpApiErrors.InvalidInput("PostedBefore must be an ISO 8601 date-time.");
            if (before > now - Lag)
                return SpApiErrors.InvalidInput("Date provided in PostedBefore is too late. It must be no later than two minutes before the time of request.");
            if (after > now - Lag)
                return SpApiErrors.InvalidInput("Date provided in PostedAfter is too late. It must be no later than two minutes before the time of request.");
            if (before < after)
                return SpApiErrors.InvalidInput("PostedBefore must not be before PostedAfter.");
            var max = 100;
            if (query.ContainsKey("MaxResultsPerPage") && (!int.TryParse(query["MaxResultsPerPage"], CultureInfo.InvariantCulture, out max) || max is < 1 or > 100))
                return SpApiErrors.InvalidInput("MaxResultsPerPage must be between 1 and 100.");
            if (before - after > TimeSpan.FromDays(180))
                return Page([], null); // Amazon answers a range over 180 days with an empty page
            page = new EventsPage(partner, after, before, max, 0, false);
        }

        var refunds = sellers.Get(partner).Refunds.Where(r => r.PostedDate >= page.After && r.PostedDate < page.Before).ToList();

        // Every third follow-up page is first served empty, with a token: clients must keep going until NextToken is null.
        if (page.Offset > 0 && page.Offset / page.Max % 3 == 1 && !page.EmptyServed)
            return Page([], PageToken.Encode(page with { EmptyServed = true }));
        var events = refunds.Skip(page.Offset).Take(page.Max).Select(RefundJson).ToList();
        var next = page.Offset + page.Max < refunds.Count ? PageToken.Encode(page with { Offset = page.Offset + page.Max, EmptyServed = false }) : null;
        return Page(events, next);
    }

    private static IResult Page(List<object> refunds, string? nextToken)
    {
        var lists = EventLists.ToDictionary(name => name, name => name == "RefundEventList" ? refunds : (object)Array.Empty<object>());
        return SpApiJson.Payload(new Dictionary<string, object?> { ["NextToken"] = nextToken, ["FinancialEvents"] = lists }.Where(p => p.Value is not null).ToDictionary());
    }

    private static object RefundJson(RefundEvent refund)
    {
        static object Amount(decimal value) => new { CurrencyCode = SyntheticSeller.Currency, CurrencyAmount = value };
        var commission = Math.Round(refund.Principal * 0.15m, 2);
        return new
        {
            AmazonOrderId = refund.OrderId,
            SellerOrderId = refund.OrderId,
            MarketplaceName = "Amazon.com",
            PostedDate = refund.PostedDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ShipmentItemAdjustmentList = new[]
            {
                new
                {
                    SellerSKU = refund.Item.Sku,
                    refund.OrderAdjustmentItemId,
                    QuantityShipped = refund.Quantity,
                    ItemChargeAdjustmentList = new[]
                    {
                        new { ChargeType = "Principal", ChargeAmount = Amount(-refund.Principal) },
                        new { ChargeType = "Tax", ChargeAmount = Amount(0.0m) },
                    },
                    ItemFeeAdjustmentList = new[]
                    {
                        new { FeeType = "Commission", FeeAmount = Amount(commission) },
                        new { FeeType = "RefundCommission", FeeAmount = Amount(-Math.Round(commission * 0.2m, 2)) },
                    },
                    PromotionAdjustmentList = Array.Empty<object>(),
                },
            },
        };
    }

    private static bool TryDate(Microsoft.Extensions.Primitives.StringValues value, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date) && value.Count > 0;

    private sealed record EventsPage(string Partner, DateTimeOffset After, DateTimeOffset Before, int Max, int Offset, bool EmptyServed);
}
