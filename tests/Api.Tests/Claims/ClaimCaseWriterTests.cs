using Opside.Api.Claims.Cases;
using Opside.Grains.Claims;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// The case text per claim type (docs/claim-workflow.md, "Case preparation"): the facts from the claim's rows, what
/// Amazon already found or paid and why the rest is owed, the amount and how it was valued, and what to attach.
/// </summary>
public sealed class ClaimCaseWriterTests
{
    private static readonly DateOnly Anchor = new(2026, 9, 14);

    private static ClaimEvidenceRow Row(string source, params (string Name, string Value)[] fields) =>
        new(source, [.. fields.Select(f => new ClaimField(f.Name, f.Value))]);

    private static ClaimEvidenceRow LedgerLoss(string reference, int quantity) => Row("GET_LEDGER_DETAIL_VIEW_DATA",
        ("Date", "09/14/2026"), ("FNSKU", "X00LOST001"), ("ASIN", "B0CLOST001"), ("MSKU", "MUG-BLUE-12"), ("Title", "Blue mug 12 oz"),
        ("Event Type", "Adjustments"), ("Reference ID", reference), ("Quantity", $"{quantity}"), ("Fulfillment Center", "PHX7"),
        ("Disposition", "SELLABLE"), ("Reason", "M"), ("Country", "US"));

    private static ClaimEvidenceRow Cost(string sku, string unitCost) => Row("CostCatalog",
        ("sku", sku), ("unitCost", unitCost), ("currency", "USD"), ("source", "invoice INV-2291"), ("effectiveDate", "2026-01-01"));

    private static ClaimSnapshot Snapshot(ClaimFacts facts, ClaimFiling? filing = null, ClaimRecovery? recovered = null) =>
        new("claim-1", facts, filing is null ? ClaimStatus.Claimable : ClaimStatus.PartiallyApproved, [], 3, filing, recovered);

    private static ClaimFacts Lost(IReadOnlyList<ClaimOffset> offsets, ClaimMoney? value, params ClaimEvidenceRow[] evidence) => new(
        "seller-1", "WarehouseLost", "X00LOST001|2026-09-14", "X00LOST001", "MUG-BLUE-12", null, null, null, null,
        Anchor, Anchor.AddDays(45), Anchor.AddDays(60), 3, value, evidence, offsets);

    [Fact]
    public void A_lost_lot_states_its_ledger_rows_what_Amazon_found_and_paid_the_remainder_and_the_documented_cost()
    {
        var facts = Lost(
            [new ClaimOffset("FoundUnits", new DateOnly(2026, 9, 20), 1, "8812345", "F", []),
             new ClaimOffset("Reimbursement", new DateOnly(2026, 10, 2), 1, "2873341987", "Lost_Warehouse", ["2873399999"])],
            new ClaimMoney(20.85m, "USD"),
            LedgerLoss("5551112223", -3), LedgerLoss("5551112224", -2), Cost("MUG-BLUE-12", "6.95"));

        var prepared = ClaimCaseWriter.Write(Snapshot(facts));

        Assert.Equal("Lost inventory in a fulfillment center – FNSKU X00LOST001, 3 units, 2026-09-14", prepared.Subject);
        Assert.Equal(
            "On 2026-09-14 the Inventory Ledger recorded 5 units of \"Blue mug 12 oz\" (FNSKU X00LOST001, SKU MUG-BLUE-12, ASIN B0CLOST001) as lost "
            + "in fulfillment center PHX7 (event type Adjustments, reason code M, reference ID 5551112223, 5551112224).",
            prepared.Statement[0]);
        Assert.Equal(
            "Amazon has since accounted for 2 units: 1 unit found on 2026-09-20 (ledger reference ID 8812345); 1 unit reimbursed on 2026-10-02 "
            + "(reimbursement 2873341987, net of reversal 2873399999). The remaining 3 units have been neither found, returned nor reimbursed, and this case is for them.",
            prepared.Statement[1]);
        Assert.Equal("I request 20.85 USD: 3 units at my manufacturing cost of 6.95 USD per unit (effective 2026-01-01).", prepared.Statement[2]);
        Assert.Equal(new ClaimMoney(20.85m, "USD"), prepared.Requested);
        Assert.Contains(new CaseDetail("ASIN", "B0CLOST001"), prepared.Details);
        Assert.Contains(new CaseDetail("Fulfillment center", "PHX7"), prepared.Details);
        Assert.Contains(new CaseDetail("Ledger reference ID", "5551112223, 5551112224"), prepared.Details);
        Assert.Contains(new CaseDetail("Claim window", "2026-10-29 to 2026-11-13"), prepared.Details);
        Assert.Contains(prepared.Attach, a => a.FromReports && a.Document.StartsWith("Inventory Ledger rows", StringComparison.Ordinal));
        Assert.Contains(prepared.Attach, a => !a.FromReports && a.Document.Contains("6.95 USD per unit (your cost catalog: invoice INV-2291)", StringComparison.Ordinal));
        // The text carries every part, and each source row as the report printed it.
        Assert.StartsWith(prepared.Subject + "\n", prepared.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (var paragraph in prepared.Statement)
            Assert.Contains(paragraph, prepared.Text, StringComparison.Ordinal);
        Assert.Contains("- GET_LEDGER_DETAIL_VIEW_DATA: Date 09/14/2026; FNSKU X00LOST001; ASIN B0CLOST001;", prepared.Text, StringComparison.Ordinal);
        Assert.Contains("Reference ID 5551112224; Quantity -2; Fulfillment Center PHX7", prepared.Text, StringComparison.Ordinal);
        Assert.Contains("Opside claim claim-1", prepared.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_known_cost_the_case_asks_for_the_invoice_that_sets_the_amount()
    {
        var prepared = ClaimCaseWriter.Write(Snapshot(Lost([], null, LedgerLoss("5551112223", -3))));

        Assert.Null(prepared.Requested);
        Assert.Equal("Since then none of them has been found, returned or reimbursed.", prepared.Statement[1]);
        Assert.Equal("I request reimbursement for 3 units; my unit cost is documented by the attached supplier invoice.", prepared.Statement[2]);
        Assert.Contains(new CaseDetail("Requested amount", "unit cost to be documented"), prepared.Details);
        var invoice = Assert.Single(prepared.Attach, a => !a.FromReports);
        Assert.Equal("Opside knows no unit cost for this SKU: the invoice sets the amount.", invoice.Why);
    }

    [Fact]
    public void An_inbound_shortage_counts_shipped_and_received_and_asks_for_proof_of_delivery_and_ownership()
    {
        var facts = new ClaimFacts("seller-1", "InboundShortage", "FBA15ABCDE|X00INB0001", "X00INB0001", "TEE-M-RED", null, "FBA15ABCDE", null, null,
            Anchor, Anchor.AddDays(15), Anchor.AddDays(60), 4, new ClaimMoney(31.2m, "USD"),
            [Row("FulfillmentInbound.v0.getShipmentItems", ("ShipmentId", "FBA15ABCDE"), ("ShipmentStatus", "CLOSED"), ("SellerSKU", "TEE-M-RED"),
                ("FulfillmentNetworkSKU", "X00INB0001"), ("QuantityShipped", "24"), ("QuantityReceived", "20")),
             Row("GET_LEDGER_DETAIL_VIEW_DATA", ("Date", "09/14/2026"), ("FNSKU", "X00OTHER01"), ("ASIN", "B0OTHER001"), ("Title", "Another product"), ("Event Type", "Receipts"), ("Reference ID", "FBA15ABCDE"),
                ("Quantity", "36"), ("Fulfillment Center", "ONT8"))], []);

        var prepared = ClaimCaseWriter.Write(Snapshot(facts));

        Assert.Equal(
            "Shipment FBA15ABCDE (status CLOSED) contained 24 units of FNSKU X00INB0001 (SKU TEE-M-RED); Amazon received 20 units. "
            + "The last receipt for the shipment was recorded on 2026-09-14 in fulfillment center ONT8, so 4 units are missing.",
            prepared.Statement[0]);
        Assert.Contains(new CaseDetail("Shipment ID", "FBA15ABCDE"), prepared.Details);
        Assert.Contains(prepared.Attach, a => !a.FromReports && a.Document.StartsWith("Proof of delivery", StringComparison.Ordinal));
        Assert.Contains(prepared.Attach, a => !a.FromReports && a.Document.StartsWith("Proof of ownership", StringComparison.Ordinal));
        Assert.Equal("I request 31.20 USD for 4 units, at the amount per unit Amazon paid in past reimbursements for this FNSKU.", prepared.Statement[2]);
    }

    [Fact]
    public void An_underpaid_reimbursement_names_what_was_paid_the_documented_cost_and_the_difference()
    {
        var facts = new ClaimFacts("seller-1", "UnderpaidReimbursement", "2873341987|X00LOST001", "X00LOST001", "MUG-BLUE-12", null, null, null, "2873341987",
            Anchor, Anchor, Anchor.AddDays(60), 2, new ClaimMoney(5.9m, "USD"),
            [Row("GET_FBA_REIMBURSEMENTS_DATA", ("approval-date", "2026-09-14T08:00:00+00:00"), ("reimbursement-id", "2873341987"), ("case-id", ""),
                ("reason", "Lost_Warehouse"), ("sku", "MUG-BLUE-12"), ("fnsku", "X00LOST001"), ("asin", "B0CLOST001"), ("currency-unit", "USD"),
                ("amount-per-unit", "4.00"), ("quantity-reimbursed-cash", "2")),
             Cost("MUG-BLUE-12", "6.95")], []);

        var prepared = ClaimCaseWriter.Write(Snapshot(facts));

        Assert.Equal("Reimbursement 2873341987 (reason Lost_Warehouse, approved 2026-09-14) paid 4.00 USD per unit for 2 units of FNSKU X00LOST001 (SKU MUG-BLUE-12, ASIN B0CLOST001).",
            prepared.Statement[0]);
        Assert.Equal("My manufacturing cost for SKU MUG-BLUE-12 is 6.95 USD per unit (effective 2026-01-01), so the reimbursement is short of it. "
            + "I ask for the reimbursement to be re-evaluated at that cost.", prepared.Statement[1]);
        Assert.Equal("I request the difference: 5.90 USD for 2 units.", prepared.Statement[3]);
    }

    [Fact]
    public void A_partly_paid_case_says_what_was_received_on_it_and_what_is_still_unpaid()
    {
        var facts = Lost([], new ClaimMoney(20.85m, "USD"), LedgerLoss("5551112223", -3), Cost("MUG-BLUE-12", "6.95"));
        var prepared = ClaimCaseWriter.Write(Snapshot(facts,
            new ClaimFiling("15678123451", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), "user-1"),
            new ClaimRecovery(new ClaimMoney(6.95m, "USD"), 1, 1, ["2873341999"], [])));

        Assert.Equal("15678123451", prepared.CaseId);
        Assert.Contains("Filed as case 15678123451 on 2026-11-01.", prepared.Statement);
        Assert.Contains("Received on this case so far: 6.95 USD in cash for 1 unit and 1 unit returned to inventory (reimbursement 2873341999). Still unpaid: 1 unit.",
            prepared.Statement);
    }
}
