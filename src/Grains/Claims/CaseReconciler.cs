using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Grains.Billing;

namespace Opside.Grains.Claims;

/// <summary>
/// Reconciliation (docs/claim-workflow.md, "Reconciliation"): the seller's reimbursement rows whose <c>case-id</c> is a
/// filed claim's case, and the reversals of those payments, handed to that claim. Rows with an empty case id are
/// Amazon's own payments and never attach. Runs in the seller's claims grain, before detection, on the rows detection
/// is about to read; the rows it attaches pay their claim only, so detection leaves them out of its offsets.
/// </summary>
internal sealed class CaseReconciler(IDataPlaneStore store, IGrainFactory grains)
{
    // Case ids looked up per read-model query, and claims called at a time: bounded for a large seller.
    private const int LookupBatch = 1_000;
    private const int CallBatch = 256;

    /// <summary>Reconciles every filed claim a row pays; answers the rows attached to a claim and how many claims were given rows.</summary>
    public async Task<(IReadOnlySet<ReimbursementRow> Attached, int Claims)> ReconcileAsync(
        string sellerId, IReadOnlyList<ReimbursementRow> rows, DateTimeOffset at)
    {
        var byCase = rows.Where(r => r.CaseId.Length > 0).GroupBy(r => r.CaseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var attached = new HashSet<ReimbursementRow>(ReferenceEqualityComparer.Instance);
        if (byCase.Count == 0)
            return (attached, 0);

        var filed = new List<Claim>();
        foreach (var chunk in byCase.Keys.Order(StringComparer.Ordinal).Chunk(LookupBatch))
            filed.AddRange((await store.FindClaimsByCaseAsync(sellerId, chunk, CancellationToken.None)).Select(ClaimJson.Read));

        var reversalsByOriginal = rows.Where(r => r.Reason == CasePayment.ReversalReason && r.OriginalReimbursementId.Length > 0)
            .ToLookup(r => r.OriginalReimbursementId, StringComparer.Ordinal);
        var work = new List<(string ClaimId, List<ReimbursementRow> Rows)>();
        foreach (var claims in filed.GroupBy(c => c.CaseId!, StringComparer.Ordinal))
        {
            var caseRows = byCase[claims.Key];
            var shared = claims.Count() > 1;
            foreach (var claim in claims)
            {
                // One case filed for several claims (say, the items of one shipment): each takes its own FNSKU's rows.
                var payments = caseRows.Where(r => !shared || r.Fnsku == claim.Fnsku).ToList();
                var paymentIds = payments.Where(r => r.Reason != CasePayment.ReversalReason).ToLookup(r => r.ReimbursementId, StringComparer.Ordinal);
                var reversals = paymentIds.SelectMany(p => reversalsByOriginal[p.Key]
                    .Where(rev => !shared || rev.Fnsku == claim.Fnsku || p.Any(original => original.Asin == rev.Fnsku)));
                var claimRows = payments.Concat(reversals).Distinct(ReferenceEqualityComparer.Instance).Cast<ReimbursementRow>().ToList();
                if (claimRows.Count == 0)
                    continue;
                attached.UnionWith(claimRows);
                work.Add((claim.Id, claimRows));
            }
        }

        // Each run hands the billing grain every reconciled claim, changed or not: the ledger records a payment once,
        // so a run whose billing call failed is made good by the next (docs/billing.md, "Ledger").
        var billing = grains.GetGrain<IBillingGrain>(sellerId);
        foreach (var batch in work.Chunk(CallBatch))
        {
            var paid = await Task.WhenAll(batch.Select(w => grains.GetGrain<IClaimGrain>(w.ClaimId).ReconcileAsync([.. w.Rows.Select(ToPayment)], at)));
            await billing.RecordAsync([.. paid.OfType<ClaimSnapshot>()]);
        }
        return (attached, work.Count);
    }

    private static CasePayment ToPayment(ReimbursementRow r) => new(
        r.ReimbursementId, r.ApprovalDate, r.CaseId, r.Reason, r.Fnsku, r.Currency, r.AmountTotal,
        r.QuantityReimbursedCash, r.QuantityReimbursedInventory, r.OriginalReimbursementId);
}
