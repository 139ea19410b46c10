using Opside.DataPlane.Claims;
using Opside.DataPlane.Storage;
using Opside.Grains.Claims;
using Opside.Scoring.Training;

namespace Opside.Grains.Scoring;

/// <summary>
/// The real outcomes the workflow recorded, as training examples (docs/model-card.md, "Training data"): every claim of
/// every seller that Amazon decided (Approved, PartiallyApproved, Denied, or Reimbursed without a decision recorded by
/// hand), its features as they were on the day it was filed, with the seller's history of the type counted only from
/// decisions made before that day.
/// </summary>
public static class DecidedClaims
{
    private const int PageSize = 500;

    private static readonly ClaimStatus[] Decided = [ClaimStatus.Approved, ClaimStatus.PartiallyApproved, ClaimStatus.Denied, ClaimStatus.Reimbursed];

    public static async Task<IReadOnlyList<TrainingExample>> ReadAsync(IDataPlaneStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var outcomes = new List<(Claim Claim, DateTimeOffset DecidedAt, bool Approved)>();
        foreach (var status in Decided)
        {
            for (var page = 1; ; page++)
            {
                var records = await store.QueryClaimsAsync(new ClaimQuery(null, page, PageSize, status.ToString(), null), cancellationToken);
                foreach (var record in records.Items)
                {
                    var claim = ClaimJson.Read(record);
                    if (claim.FiledAt is not null && Decision(claim) is { } decision)
                        outcomes.Add((claim, decision.At, decision.To != ClaimStatus.Denied));
                }

                if (records.Items.Count < PageSize)
                    break;
            }
        }

        var history = outcomes
            .GroupBy(o => (o.Claim.SellerId, o.Claim.Type))
            .ToDictionary(g => g.Key, g => g.Select(o => (o.DecidedAt, o.Approved)).OrderBy(d => d.DecidedAt).ToArray());
        return [.. outcomes.Select(o =>
        {
            var filedAt = o.Claim.FiledAt!.Value;
            var before = history[(o.Claim.SellerId, o.Claim.Type)].TakeWhile(d => d.DecidedAt < filedAt).ToArray();
            var features = ClaimFeatureExtractor.From(o.Claim, DateOnly.FromDateTime(filedAt.UtcDateTime), sellerCountry: null,
                new TypeHistory(before.Count(d => d.Approved), before.Length));
            return new TrainingExample(features, o.DecidedAt, o.Approved, o.Approved ? PaidShare(o.Claim) : 0);
        })];
    }

    /// <summary>Amazon's decision: the first move to Approved, PartiallyApproved or Denied, else the move to Reimbursed.</summary>
    private static ClaimHistoryEntry? Decision(Claim claim) =>
        claim.History.FirstOrDefault(h => h.To is ClaimStatus.Approved or ClaimStatus.PartiallyApproved or ClaimStatus.Denied)
        ?? claim.History.FirstOrDefault(h => h.To == ClaimStatus.Reimbursed);

    /// <summary>
    /// The cash recovered over the estimated value, at most 1; a decision without money yet counts as its kind says
    /// (approved in full 1, in part one half), as does a claim of unknown value.
    /// </summary>
    private static double PaidShare(Claim claim)
    {
        if (claim.Recovered is { } recovered && claim.EstimatedValue is { Amount: > 0 } value && recovered.Cash.Currency == value.Currency)
            return (double)Math.Clamp(recovered.Cash.Amount / value.Amount, 0m, 1m);
        return claim.Status == ClaimStatus.PartiallyApproved ? 0.5 : 1.0;
    }
}
