using Opside.DataPlane.Billing;
using Opside.Grains.Claims;

namespace Opside.Grains.Billing;

/// <summary>
/// The ledger entries a filed claim's payments make (docs/billing.md, "What is billable"): per reimbursement row,
/// the rate times its cash plus (when the terms say so) its inventory units at the claim's unit value, rounded once to
/// the currency's smallest unit (the cent; the whole yen). A negative result (a reversal) is a credit; a zero one is
/// no entry. The key is the report row's identity, so the same row makes the same entry however often it is handed over.
/// </summary>
public static class Commissions
{
    public static IReadOnlyList<LedgerEntry> Of(ClaimSnapshot claim, BillingTerms terms, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(terms);
        if (claim.Filing is null || claim.Status == ClaimStatus.Dismissed || claim.Payments is not { Count: > 0 } payments)
            return [];

        var entries = new List<LedgerEntry>(payments.Count);
        foreach (var payment in payments)
        {
            // Amazon's reversal rows carry no case id: a reversal takes its original's, and is billed only when that
            // original is a payment on this claim's case. Any other row without a case id is an automatic payment.
            var caseId = payment.Reason == CasePayment.ReversalReason
                ? payments.FirstOrDefault(p => p.ReimbursementId == payment.OriginalReimbursementId && p.Reason != CasePayment.ReversalReason)?.CaseId ?? ""
                : payment.CaseId;
            if (caseId.Length == 0)
                continue;
            var unitValue = UnitValue(claim.Facts, payment.Currency);
            var inventory = terms.ChargeOnInventory && unitValue is { } unit ? payment.QuantityInventory * unit : 0m;
            var commission = Math.Round(terms.Rate * (payment.AmountTotal + inventory), CurrencyMinorUnits.Decimals(payment.Currency),
                MidpointRounding.AwayFromZero);
            if (commission == 0m)
                continue;
            entries.Add(new LedgerEntry(claim.Facts.SellerId, KeyOf(payment), commission > 0 ? LedgerKinds.Charge : LedgerKinds.Credit,
                claim.ClaimId, caseId, payment.ReimbursementId,
                payment.OriginalReimbursementId.Length > 0 ? payment.OriginalReimbursementId : null, payment.ApprovalDate, payment.Currency,
                payment.AmountTotal, terms.ChargeOnInventory ? payment.QuantityInventory : 0, unitValue, terms.Rate, commission, recordedAt));
        }

        return entries;
    }

    /// <summary>The report row's identity (<see cref="CasePayment.Key"/>), one text.</summary>
    public static string KeyOf(CasePayment payment) =>
        $"{payment.ReimbursementId}|{payment.Fnsku}|{payment.Reason}|{payment.OriginalReimbursementId}";

    /// <summary>The value per unit the claim was made for, in the payment's currency; unknown otherwise.</summary>
    private static decimal? UnitValue(ClaimFacts facts, string currency) =>
        facts.EstimatedValue is { } value && facts.Units > 0 && string.Equals(value.Currency, currency, StringComparison.OrdinalIgnoreCase)
            ? value.Amount / facts.Units
            : null;
}
