using Opside.Detection;
using Opside.Grains.Claims;
using static Opside.Api.Claims.Cases.CaseWords;

namespace Opside.Api.Claims.Cases;

/// <summary>
/// Writes the case a person files in Seller Central for one claim (docs/claim-workflow.md, "Case preparation"): what
/// happened, what Amazon already found, returned or paid, why the rest is owed, the amount requested and how it was
/// valued, the facts one by one, and the documents to attach. Only what the claim and its rows show is stated.
/// </summary>
public static class ClaimCaseWriter
{
    public static ClaimCase Write(ClaimSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var f = snapshot.Facts;
        var evidence = new CaseEvidence(f.Evidence, f.Fnsku);
        var story = CaseStories.Tell(f, evidence, f.Units + f.Offsets.Sum(o => o.Units));

        List<string> statement = [.. story.WhatHappened, AlreadyAccounted(f), Request(f, evidence)];
        if (snapshot.Filing is { } filing)
            statement.Add($"Filed as case {filing.CaseId} on {Day(DateOnly.FromDateTime(filing.FiledAt.UtcDateTime))}.");
        if (snapshot.Recovered is { } recovered)
            statement.Add(Received(f, recovered));

        List<CaseAttachment> attach = [.. story.Attach, CostDocument(f, evidence)];
        var details = Details(f, evidence);
        var text = CaseText.Render(story.Subject, statement, details, attach, f.Evidence, snapshot.ClaimId);
        return new ClaimCase(snapshot.ClaimId, f.Type, snapshot.Status, snapshot.Filing?.CaseId, story.Subject, details, statement,
            f.EstimatedValue, attach, text);
    }

    private static string AlreadyAccounted(ClaimFacts f)
    {
        if (f.Type == nameof(ClaimType.UnderpaidReimbursement))
            return f.Offsets.Count == 0
                ? "No reversal of this reimbursement changed the units it paid in cash."
                : $"The units above are net of {string.Join("; ", f.Offsets.Select(o => $"reversal {o.Reference} on {Day(o.Date)} ({o.Units:+0;-0} cash units)"))}.";
        if (f.Offsets.Count == 0)
            return "Since then none of them has been found, returned or reimbursed.";
        var accounted = f.Offsets.Sum(o => o.Units);
        return $"Amazon has since accounted for {Units(accounted)}: {string.Join("; ", f.Offsets.Select(Offset))}. "
            + $"The remaining {Units(f.Units)} have been neither found, returned nor reimbursed, and this case is for them.";
    }

    private static string Offset(ClaimOffset o) => o.Kind switch
    {
        nameof(OffsetKind.FoundUnits) => $"{Units(o.Units)} found on {Day(o.Date)} (ledger reference ID {o.Reference})",
        nameof(OffsetKind.Reimbursement) => $"{Units(o.Units)} reimbursed on {Day(o.Date)} (reimbursement {o.Reference}"
            + (o.NettedReversalIds.Count > 0 ? $", net of reversal {string.Join(", ", o.NettedReversalIds)}" : "") + ")",
        nameof(OffsetKind.ReturnedUnits) => $"{Units(o.Units)} returned on {Day(o.Date)}" + (o.Reason is { Length: > 0 } disposition ? $" ({disposition})" : ""),
        nameof(OffsetKind.DisposalOrder) => $"{Units(o.Units)} covered by disposal order {o.Reference} of {Day(o.Date)}",
        _ => $"{Units(o.Units)} on {Day(o.Date)} ({o.Reference})",
    };

    private static string Request(ClaimFacts f, CaseEvidence e)
    {
        if (f.EstimatedValue is not { } value)
            return $"I request reimbursement for {Units(f.Units)}; my unit cost is documented by the attached supplier invoice.";
        if (f.Type == nameof(ClaimType.UnderpaidReimbursement))
            return $"I request the difference: {Money(value)} for {Units(f.Units)}.";
        if (e.Cost is { } cost)
            return $"I request {Money(value)}: {Units(f.Units)} at my manufacturing cost of {CaseEvidence.Field(cost, "unitCost")} {CaseEvidence.Field(cost, "currency")} per unit "
                + $"(effective {CaseEvidence.Field(cost, "effectiveDate")}).";
        return f.Type is nameof(ClaimType.CustomerReturnNotReceived) or nameof(ClaimType.ReturnDamagedInTransit)
               && e.From(EvidenceSources.FinancialEvents).Any()
            ? $"I request {Money(value)} for {Units(f.Units)}, the principal refunded to the customer per unit."
            : $"I request {Money(value)} for {Units(f.Units)}, at the amount per unit Amazon paid in past reimbursements for this FNSKU.";
    }

    private static string Received(ClaimFacts f, ClaimRecovery recovered)
    {
        var paid = $"Received on this case so far: {Money(recovered.Cash)} in cash for {Units(recovered.CashUnits)}"
            + (recovered.InventoryUnits != 0 ? $" and {Units(recovered.InventoryUnits)} returned to inventory" : "")
            + $" (reimbursement {string.Join(", ", recovered.ReimbursementIds)}"
            + (recovered.ReversalIds.Count > 0 ? $"; reversal {string.Join(", ", recovered.ReversalIds)}" : "") + ").";
        var outstanding = f.Units - recovered.CashUnits - recovered.InventoryUnits;
        return outstanding > 0 ? $"{paid} Still unpaid: {Units(outstanding)}." : paid;
    }

    /// <summary>
    /// Amazon values pre-order losses at the seller's manufacturing cost and may ask for the invoice behind it; without
    /// a documented cost the invoice is what sets the amount.
    /// </summary>
    private static CaseAttachment CostDocument(ClaimFacts f, CaseEvidence e) => e.Cost is { } cost
        ? new($"Supplier invoice or manufacturing cost record for SKU {f.Sku} showing {CaseEvidence.Field(cost, "unitCost")} {CaseEvidence.Field(cost, "currency")} per unit "
            + $"(your cost catalog: {CaseEvidence.Field(cost, "source") ?? "no source given"})", "Amazon may ask for proof of the unit cost it reimburses.", FromReports: false)
        : new($"Supplier invoice for SKU {f.Sku} showing your unit cost", f.EstimatedValue is null
            ? "Opside knows no unit cost for this SKU: the invoice sets the amount."
            : "The amount is estimated from Amazon's past payments; the invoice documents your actual cost.", FromReports: false);

    private static List<CaseDetail> Details(ClaimFacts f, CaseEvidence e)
    {
        List<CaseDetail> details = [new("Claim type", f.Type), new("FNSKU", f.Fnsku), new("SKU", f.Sku)];
        void Add(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                details.Add(new(label, value));
        }
        Add("ASIN", e.Asin);
        Add("Product", e.Product);
        Add("Order ID", f.OrderId);
        Add("Shipment ID", f.ShipmentId);
        Add("Removal order ID", f.RemovalOrderId);
        Add("Reimbursement ID", f.ReimbursementId);
        Add("Fulfillment center", e.FulfillmentCenters.Count > 0 ? List(e.FulfillmentCenters) : null);
        var references = e.Distinct(EvidenceSources.LedgerReport, "Reference ID");
        Add("Ledger reference ID", references.Count > 0 ? List(references) : null);
        details.Add(new("Event date", Day(f.AnchorDate)));
        details.Add(new("Units claimed", f.Units.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        details.Add(new("Claim window", $"{Day(f.WindowOpens)} to {Day(f.WindowCloses)}"));
        details.Add(new("Requested amount", f.EstimatedValue is { } value ? Money(value) : "unit cost to be documented"));
        return details;
    }
}
