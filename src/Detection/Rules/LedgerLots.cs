using Opside.Detection.Shared;

namespace Opside.Detection.Rules;

/// <summary>The claims of ledger-dated lots (lost, damaged, disposed): one per lot with units left, keyed FNSKU + Date.</summary>
internal static class LedgerLots
{
    public static void Claim(DetectionContext context, ClaimType type, string fnsku, List<Lot> lots)
    {
        foreach (var lot in lots)
        {
            if (lot.Remaining <= 0)
            {
                continue;
            }
            var evidence = DetectionContext.LedgerEvidence(lot.Rows);
            var value = context.CostValue(lot.Sku, fnsku, lot.Date, lot.Remaining, evidence);
            context.AddClaim(type, ClaimIdentity.DatedKey(fnsku, lot.Date), fnsku, lot.Sku, lot.Date, lot.Remaining, value, evidence, lot.Applied);
        }
    }
}
