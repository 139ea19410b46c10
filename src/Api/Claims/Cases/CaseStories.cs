using Opside.Detection;
using Opside.Grains.Claims;
using static Opside.Api.Claims.Cases.CaseWords;

namespace Opside.Api.Claims.Cases;

/// <summary>What happened, told per claim type (docs/claim-rules.md, "Claim types"), and the documents Amazon asks for.</summary>
internal sealed record CaseStory(string Subject, IReadOnlyList<string> WhatHappened, IReadOnlyList<CaseAttachment> Attach);

/// <summary>
/// The type-specific part of a case (docs/claim-workflow.md, "Case preparation"): facts only, from the claim and its
/// evidence rows, in the words Seller Central's reimbursement forms use. <c>affected</c> is the claimed units plus
/// those already found, returned or reimbursed, so the story starts from what the report showed.
/// </summary>
internal static class CaseStories
{
    private static readonly CaseAttachment LedgerRows = new(
        "Inventory Ledger rows (GET_LEDGER_DETAIL_VIEW_DATA) listed under Source rows", "Date, fulfillment center, reason code and reference ID of the event.", FromReports: true);

    public static CaseStory Tell(ClaimFacts f, CaseEvidence e, int affected) => f.Type switch
    {
        nameof(ClaimType.WarehouseLost) => LedgerEvent(f, e, affected, "Lost inventory in a fulfillment center", "as lost"),
        nameof(ClaimType.WarehouseDamaged) => LedgerEvent(f, e, affected, "Inventory damaged in a fulfillment center", "as damaged by Amazon"),
        nameof(ClaimType.UnauthorizedDisposal) => Disposal(f, e, affected),
        nameof(ClaimType.CustomerReturnNotReceived) => ReturnNotReceived(f, e, affected),
        nameof(ClaimType.ReturnDamagedInTransit) => ReturnDamaged(f, e, affected),
        nameof(ClaimType.InboundShortage) => Inbound(f, e),
        nameof(ClaimType.RemovalShortfall) => Removal(f, e),
        nameof(ClaimType.UnderpaidReimbursement) => Underpaid(f, e),
        _ => new CaseStory($"Reimbursement request – FNSKU {f.Fnsku}", [$"{Units(f.Units)} of FNSKU {f.Fnsku} (SKU {f.Sku}) are owed since {Day(f.AnchorDate)}."], []),
    };

    private static CaseStory LedgerEvent(ClaimFacts f, CaseEvidence e, int affected, string title, string recordedAs) =>
        new($"{title} – FNSKU {f.Fnsku}, {Units(f.Units)}, {Day(f.AnchorDate)}",
            [$"On {Day(f.AnchorDate)} the Inventory Ledger recorded {Units(affected)} of {Item(f, e)} {recordedAs} in {Centers(e)} "
                + $"(event type Adjustments, reason code {List(e.Distinct(EvidenceSources.LedgerReport, "Reason"))}, "
                + $"reference ID {List(e.Distinct(EvidenceSources.LedgerReport, "Reference ID"))})."],
            [LedgerRows]);

    private static CaseStory Disposal(ClaimFacts f, CaseEvidence e, int affected) =>
        new($"Inventory disposed of without my request – FNSKU {f.Fnsku}, {Units(f.Units)}, {Day(f.AnchorDate)}",
            [$"On {Day(f.AnchorDate)} the Inventory Ledger recorded {Units(affected)} of {Item(f, e)} as disposed of in {Centers(e)} "
                + $"(event type Adjustments, reason code D, reference ID {List(e.Distinct(EvidenceSources.LedgerReport, "Reference ID"))}).",
             $"No disposal order of mine requested on or before that date covers these units."],
            [LedgerRows,
             new("Removal order detail report (GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA) for the FNSKU", "Shows that no disposal order covers the disposed units.", FromReports: true)]);

    private static CaseStory ReturnNotReceived(ClaimFacts f, CaseEvidence e, int affected)
    {
        var refunded = e.Distinct(EvidenceSources.FinancialEvents, "PostedDate");
        var days = f.WindowOpens.DayNumber - f.AnchorDate.DayNumber;
        return new($"Refunded order not returned – order {f.OrderId}, SKU {f.Sku}, {Units(f.Units)}",
            [$"Order {f.OrderId}: the customer was refunded for {Units(affected)} of {Item(f, e)} on {Day(f.AnchorDate)} (refund posted {List(refunded)}).",
             $"{days} days have passed since the refund and the customer returns report shows {Units(f.Units)} of them not returned to a fulfillment center."],
            [new("Refund events for the order (Finances API, listFinancialEvents) listed under Source rows", "Date and units of the refund.", FromReports: true),
             new("Customer returns report (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA) searched for the order", "Shows which units came back; the rest did not.", FromReports: true)]);
    }

    private static CaseStory ReturnDamaged(ClaimFacts f, CaseEvidence e, int affected)
    {
        var plates = e.Distinct(EvidenceSources.ReturnsReport, "license-plate-number");
        return new($"Customer return damaged in transit – order {f.OrderId}, SKU {f.Sku}, {Units(f.Units)}",
            [$"Order {f.OrderId}: {Units(affected)} of {Item(f, e)} came back to {Centers(e)} on {Day(f.AnchorDate)} with disposition "
                + $"{List(e.Distinct(EvidenceSources.ReturnsReport, "detailed-disposition"))}"
                + (plates.Count > 0 ? $" (license plate number {List(plates)})" : "") + ".",
             "The returns report records the damage as caused in transit or by Amazon, not by the customer."],
            [new("Customer returns report rows (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA) listed under Source rows", "Return date, disposition and license plate number.", FromReports: true),
             new("Photos of the returned units and of their license plate (LPN) label, if you have them", "Amazon asks for them when it disputes the damage.", FromReports: false)]);
    }

    private static CaseStory Inbound(ClaimFacts f, CaseEvidence e)
    {
        var shipped = e.Sum(EvidenceSources.InboundShipmentItems, "QuantityShipped");
        var received = e.Sum(EvidenceSources.InboundShipmentItems, "QuantityReceived");
        return new($"Inbound shipment received short – shipment {f.ShipmentId}, FNSKU {f.Fnsku}, {Units(f.Units)}",
            [$"Shipment {f.ShipmentId} (status CLOSED) contained {Units(shipped)} of {Item(f, e)}; Amazon received {Units(received)}. "
                + $"The last receipt for the shipment was recorded on {Day(f.AnchorDate)} in {Centers(e)}, so {Units(shipped - received)} are missing."],
            [new("Shipment items (Fulfillment Inbound API, getShipmentItems) and the receipt ledger row, listed under Source rows", "Units shipped and received.", FromReports: true),
             new("Proof of delivery: the bill of lading or POD signed by the fulfillment center with box count and weight (pallets), or the carrier tracking IDs (small parcel)", "Shows Amazon took delivery of every box.", FromReports: false),
             new("Proof of ownership: the supplier invoice or packing slip with the purchase date, product names and quantities", "Shows the missing units were yours and shipped.", FromReports: false)]);
    }

    private static CaseStory Removal(ClaimFacts f, CaseEvidence e)
    {
        int Sum(string column) => e.Sum(EvidenceSources.RemovalReport, column);
        var requested = Sum("requested-quantity");
        return new($"Removal order short – removal order {f.RemovalOrderId}, FNSKU {f.Fnsku}, {Units(f.Units)}",
            [$"Removal order {f.RemovalOrderId} ({List(e.Distinct(EvidenceSources.RemovalReport, "order-type"))}, status Completed, last updated {Day(f.AnchorDate)}) "
                + $"requested {Units(requested)} of {Item(f, e)}: {Sum("cancelled-quantity")} cancelled, {Sum("disposed-quantity")} disposed, "
                + $"{Sum("shipped-quantity")} shipped and {Sum("in-process-quantity")} in process, which leaves "
                + $"{Units(requested - Sum("cancelled-quantity") - Sum("disposed-quantity") - Sum("shipped-quantity") - Sum("in-process-quantity"))} unaccounted for."],
            [new("Removal order detail rows (GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA) listed under Source rows", "Requested, cancelled, disposed, shipped and in-process units.", FromReports: true),
             new("The removal shipment's tracking IDs or proof of delivery", "Shows what the carrier delivered; Amazon asks for it on removal claims.", FromReports: false),
             new("Your receiving record for the removal: units counted on arrival, photos of the boxes and packaging", "Shows which units did not arrive.", FromReports: false)]);
    }

    private static CaseStory Underpaid(ClaimFacts f, CaseEvidence e)
    {
        var paid = e.From(EvidenceSources.ReimbursementsReport).FirstOrDefault(r => CaseEvidence.Field(r, "reimbursement-id") == f.ReimbursementId);
        var perUnit = paid is null ? null : CaseEvidence.Field(paid, "amount-per-unit");
        var currency = paid is null ? null : CaseEvidence.Field(paid, "currency-unit");
        var cost = e.Cost;
        return new($"Reimbursement paid below my manufacturing cost – reimbursement {f.ReimbursementId}, FNSKU {f.Fnsku}, {Units(f.Units)}",
            [$"Reimbursement {f.ReimbursementId} (reason {(paid is null ? "?" : CaseEvidence.Field(paid, "reason"))}, approved {Day(f.AnchorDate)}) paid "
                + $"{perUnit} {currency} per unit for {Units(f.Units)} of {Item(f, e)}.",
             cost is null
                ? "This is below my manufacturing cost for the SKU."
                : $"My manufacturing cost for SKU {f.Sku} is {CaseEvidence.Field(cost, "unitCost")} {CaseEvidence.Field(cost, "currency")} per unit "
                    + $"(effective {CaseEvidence.Field(cost, "effectiveDate")}), so the reimbursement is short of it. I ask for the reimbursement to be re-evaluated at that cost."],
            [new("The reimbursement row (GET_FBA_REIMBURSEMENTS_DATA) listed under Source rows", "The amount per unit Amazon paid.", FromReports: true)]);
    }

    private static string Item(ClaimFacts f, CaseEvidence e)
    {
        var asin = e.Asin is { } a ? $", ASIN {a}" : "";
        return e.Product is { } title ? $"\"{title}\" (FNSKU {f.Fnsku}, SKU {f.Sku}{asin})" : $"FNSKU {f.Fnsku} (SKU {f.Sku}{asin})";
    }

    private static string Centers(CaseEvidence e) =>
        e.FulfillmentCenters is { Count: > 0 } centers ? $"fulfillment center {List(centers)}" : "the fulfillment center";
}
