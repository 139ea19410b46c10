using Opside.DataPlane.Billing;
using Opside.Grains.Billing;
using Opside.Grains.Claims;

namespace Opside.Api.Tests.Billing;

/// <summary>
/// What a filed claim's payments bill (docs/billing.md, "What is billable"): the rate on the cash plus the inventory
/// units at the claim's unit value, to the cent; a reversal a credit; nothing for a claim not filed, a dismissed one,
/// a zero commission, or inventory when the terms leave it out or the value is unknown.
/// </summary>
public sealed class CommissionsTests
{
    private static readonly DateTimeOffset Approved = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    // 3 units lost, valued 7.31 each: the unit value is the claim's estimated value over its units.
    private static ClaimSnapshot Filed(params CasePayment[] payments) => new("claim-7", Facts(new ClaimMoney(21.93m, "USD")),
        ClaimStatus.Reimbursed, [], 4, new ClaimFiling("5551234567", Approved.AddDays(-10), "seller@example.test"), Payments: payments);

    private static ClaimFacts Facts(ClaimMoney? value) => new("seller-b", "WarehouseLost", "X00BILL001|2026-10-01", "X00BILL001", "SKU-B",
        null, null, null, null, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 30), 3, value, [], []);

    private static CasePayment Paid(string id, decimal cash, int cashUnits, int inventoryUnits, string currency = "USD") =>
        new(id, Approved, "5551234567", "Lost_Warehouse", "X00BILL001", currency, cash, cashUnits, inventoryUnits, "");

    private static CasePayment Reversal(string id, string original, decimal cash, int inventoryUnits) =>
        new(id, Approved.AddDays(5), "", CasePayment.ReversalReason, "X00BILL001", "USD", cash, -2, inventoryUnits, original);

    [Fact]
    public void Cash_and_inventory_at_the_claims_unit_value_are_billed_at_the_rate_to_the_cent()
    {
        var entries = Commissions.Of(Filed(Paid("2001", 14.62m, 2, 1)), BillingTerms.Default, Now);

        var entry = Assert.Single(entries);
        // 20 % of (14.62 + 1 × 7.31) = 4.386, half away from zero: 4.39.
        Assert.Equal(4.39m, entry.Commission);
        Assert.Equal(LedgerKinds.Charge, entry.Kind);
        Assert.Equal(("seller-b", "claim-7", "5551234567", "2001", "USD"), (entry.SellerId, entry.ClaimId, entry.CaseId, entry.ReimbursementId, entry.Currency));
        Assert.Equal((14.62m, 1, 7.31m, 0.20m), (entry.Cash, entry.InventoryUnits, entry.UnitValue, entry.Rate));
        Assert.Equal((Approved, Now, LedgerStates.Pending), (entry.ApprovedAt, entry.RecordedAt, entry.State));
        Assert.Equal("2001|X00BILL001|Lost_Warehouse|", entry.EntryKey);
    }

    [Fact]
    public void A_reversal_is_a_credit_of_the_commission_it_reverses()
    {
        var entries = Commissions.Of(Filed(Paid("2001", 14.62m, 2, 1), Reversal("2002", "2001", -14.62m, -1)), BillingTerms.Default, Now);

        Assert.Equal([4.39m, -4.39m], entries.Select(e => e.Commission));
        var credit = entries[1];
        Assert.Equal((LedgerKinds.Credit, "2001", -14.62m, -1), (credit.Kind, credit.ReversedReimbursementId, credit.Cash, credit.InventoryUnits));
        // Amazon's reversal rows carry no case id: the credit is on the case of the payment it reverses.
        Assert.Equal("5551234567", credit.CaseId);
        Assert.NotEqual(entries[0].EntryKey, credit.EntryKey);
    }

    [Fact]
    public void Automatic_payments_and_reversals_of_them_are_never_billed()
    {
        var automatic = Paid("3001", 9.99m, 1, 0) with { CaseId = "" };

        Assert.Empty(Commissions.Of(Filed(automatic, Reversal("3002", "3001", -9.99m, 0)), BillingTerms.Default, Now));
        Assert.Equal(["2001"], Commissions.Of(Filed(Paid("2001", 14.62m, 2, 0), automatic), BillingTerms.Default, Now).Select(e => e.ReimbursementId));
    }

    [Fact]
    public void A_zero_decimal_currency_is_billed_in_whole_units()
    {
        var yen = Filed(Paid("4001", 1234m, 1, 0, currency: "JPY")) with { Facts = Facts(new ClaimMoney(1234m, "JPY")) };

        // 20 % of 1,234 yen is 246.8: a commission in yen rounds to the yen, 247, as Stripe takes it.
        Assert.Equal(247m, Assert.Single(Commissions.Of(yen, BillingTerms.Default, Now)).Commission);
        Assert.Equal(247L, CurrencyMinorUnits.ToMinorUnits(247m, "JPY"));
        Assert.Equal(439L, CurrencyMinorUnits.ToMinorUnits(4.39m, "USD"));
        Assert.Throws<ArgumentException>(() => CurrencyMinorUnits.ToMinorUnits(246.8m, "JPY"));
    }

    [Fact]
    public void Inventory_is_not_billed_when_the_terms_leave_it_out_or_its_value_is_unknown_or_in_another_currency()
    {
        var cashOnly = Commissions.Of(Filed(Paid("2001", 14.62m, 2, 1)), BillingTerms.Default with { ChargeOnInventory = false }, Now);
        var unknownValue = Commissions.Of(Filed(Paid("2001", 14.62m, 2, 1)) with { Facts = Facts(null) }, BillingTerms.Default, Now);
        var otherCurrency = Commissions.Of(Filed(Paid("2001", 14.62m, 2, 1, currency: "CAD")), BillingTerms.Default, Now);

        Assert.Equal(2.92m, Assert.Single(cashOnly).Commission);
        Assert.Equal(0, cashOnly[0].InventoryUnits);
        Assert.Equal((2.92m, (decimal?)null), (Assert.Single(unknownValue).Commission, unknownValue[0].UnitValue));
        Assert.Equal((2.92m, "CAD"), (Assert.Single(otherCurrency).Commission, otherCurrency[0].Currency));
    }

    [Fact]
    public void A_claim_not_filed_a_dismissed_one_and_a_zero_commission_bill_nothing()
    {
        var notFiled = Filed(Paid("2001", 14.62m, 2, 0)) with { Filing = null, Status = ClaimStatus.Claimable };
        var dismissed = Filed(Paid("2001", 14.62m, 2, 0)) with { Status = ClaimStatus.Dismissed };
        var zero = Filed(Paid("2001", 0.02m, 0, 0));

        Assert.Empty(Commissions.Of(notFiled, BillingTerms.Default, Now));
        Assert.Empty(Commissions.Of(dismissed, BillingTerms.Default, Now));
        Assert.Empty(Commissions.Of(zero, BillingTerms.Default with { Rate = 0.2m }, Now));
        Assert.Empty(Commissions.Of(Filed(), BillingTerms.Default, Now));
    }
}
