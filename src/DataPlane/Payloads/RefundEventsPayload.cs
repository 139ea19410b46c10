using System.Text.Json;
using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Payloads;

/// <summary>
/// Finances v0 <c>listFinancialEvents</c>, refunds only: one <see cref="RefundItem"/> per entry of each
/// <c>payload.FinancialEvents.RefundEventList[].ShipmentItemAdjustmentList[]</c>. The other event lists are ignored.
/// </summary>
public static class RefundEventsPayload
{
    private const string Operation = "listFinancialEvents";

    /// <exception cref="PayloadFormatException">
    /// An error body, malformed JSON, or a refund item without PostedDate or QuantityShipped, or whose Principal
    /// adjustments mix currencies.
    /// </exception>
    public static PayloadPage<RefundItem> Parse(ReadOnlyMemory<byte> json)
    {
        using var document = SpApiJson.Parse(json);
        return Read(document);
    }

    /// <inheritdoc cref="Parse"/>
    public static async Task<PayloadPage<RefundItem>> ParseAsync(Stream json, CancellationToken cancellationToken)
    {
        using var document = await SpApiJson.ParseAsync(json, cancellationToken);
        return Read(document);
    }

    private static PayloadPage<RefundItem> Read(JsonDocument document)
    {
        var payload = SpApiJson.Payload(document, Operation);
        var refunds = new List<RefundItem>();
        if (payload.TryGetProperty("FinancialEvents", out var events) && events.ValueKind == JsonValueKind.Object)
        {
            var eventIndex = 0;
            foreach (var refund in SpApiJson.Array(events, "RefundEventList", "payload.FinancialEvents"))
            {
                ReadEvent(refund, $"payload.FinancialEvents.RefundEventList[{eventIndex++}]", refunds);
            }
        }
        return new PayloadPage<RefundItem>(refunds, SpApiJson.NextToken(payload));
    }

    private static void ReadEvent(JsonElement refund, string path, List<RefundItem> refunds)
    {
        var itemIndex = 0;
        foreach (var item in SpApiJson.Array(refund, "ShipmentItemAdjustmentList", path))
        {
            var itemPath = $"{path}.ShipmentItemAdjustmentList[{itemIndex++}]";
            var (principal, currency) = Principal(item, itemPath);
            refunds.Add(new RefundItem(
                SpApiJson.OptionalString(refund, "AmazonOrderId", path) ?? "",
                SpApiJson.RequiredTimestamp(refund, "PostedDate", path),
                SpApiJson.OptionalString(refund, "MarketplaceName", path) ?? "",
                SpApiJson.OptionalString(item, "SellerSKU", itemPath) ?? "",
                SpApiJson.OptionalString(item, "OrderAdjustmentItemId", itemPath) ?? "",
                SpApiJson.RequiredInt(item, "QuantityShipped", itemPath),
                principal,
                currency));
        }
    }

    /// <summary>The sum of the item's Principal charge adjustments; without any, 0 in the currency of its other charges.</summary>
    private static (decimal Amount, string Currency) Principal(JsonElement item, string path)
    {
        var sum = 0m;
        string? currency = null;
        string? anyCurrency = null;
        var index = 0;
        foreach (var charge in SpApiJson.Array(item, "ItemChargeAdjustmentList", path))
        {
            var chargePath = $"{path}.ItemChargeAdjustmentList[{index++}]";
            if (!charge.TryGetProperty("ChargeAmount", out var amount) || amount.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var code = SpApiJson.OptionalString(amount, "CurrencyCode", $"{chargePath}.ChargeAmount") ?? "";
            anyCurrency ??= code;
            if (SpApiJson.OptionalString(charge, "ChargeType", chargePath) != "Principal")
            {
                continue;
            }
            if (currency is not null && currency != code)
            {
                throw new PayloadFormatException($"{chargePath}: Principal in {code} after Principal in {currency}.");
            }
            currency = code;
            sum += SpApiJson.Decimal(amount, "CurrencyAmount", $"{chargePath}.ChargeAmount");
        }
        return (sum, currency ?? anyCurrency ?? "");
    }
}
