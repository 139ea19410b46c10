using Opside.Grains.Claims;

namespace Opside.Grains.Scoring;

/// <summary>
/// Scores claims with the refund model being served (docs/model-card.md, "Serving"): a stateless worker, local to the
/// caller's silo, each activation holding the model it loaded and loading the next one once ops promote it.
/// Null (for a claim, or the whole batch) while no model is served.
/// </summary>
[Alias("opside.scoring.claim-scoring")]
public interface IClaimScoringGrain : IGrainWithIntegerKey
{
    [Alias("score")]
    Task<ClaimScoreView?> ScoreAsync(Claim claim, DateOnly asOf, ScoringContext context);

    [Alias("score-batch")]
    Task<IReadOnlyList<ClaimScoreView>?> ScoreBatchAsync(IReadOnlyList<Claim> claims, DateOnly asOf, ScoringContext context);
}
