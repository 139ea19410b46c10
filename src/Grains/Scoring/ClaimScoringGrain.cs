using Opside.Grains.Claims;
using Opside.Scoring;
using Opside.Scoring.Features;
using Opside.Scoring.Serving;
using Orleans.Concurrency;

namespace Opside.Grains.Scoring;

/// <summary>
/// Scores claims with the model <see cref="ModelCatalog"/> serves. Each activation loads the model once and keeps its
/// scorer (ML.NET's prediction engines are single-threaded, as an activation is); when the catalog names another
/// version the activation loads that one before its next score.
/// </summary>
[StatelessWorker, GrainType("claim-scoring")]
public sealed class ClaimScoringGrain(ModelCatalog catalog) : Grain, IClaimScoringGrain
{
    private ClaimScorer? _scorer;

    public async Task<ClaimScoreView?> ScoreAsync(Claim claim, DateOnly asOf, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(context);
        if (await ScorerAsync() is not { } scorer)
            return null;
        return View(claim, scorer.Score(Features(claim, asOf, context)), scorer.Metadata);
    }

    public async Task<IReadOnlyList<ClaimScoreView>?> ScoreBatchAsync(IReadOnlyList<Claim> claims, DateOnly asOf, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(context);
        if (await ScorerAsync() is not { } scorer)
            return null;
        var scores = scorer.ScoreBatch([.. claims.Select(c => Features(c, asOf, context))]);
        return [.. claims.Zip(scores, (c, s) => View(c, s, scorer.Metadata))];
    }

    private async Task<ClaimScorer?> ScorerAsync()
    {
        var package = await catalog.CurrentAsync(CancellationToken.None);
        if (package is null)
            return null;
        if (_scorer?.Metadata.Version != package.Metadata.Version)
            _scorer = new ClaimScorer(package);
        return _scorer;
    }

    private static ClaimFeatures Features(Claim claim, DateOnly asOf, ScoringContext context) =>
        ClaimFeatureExtractor.From(claim, asOf, context.Country, context.For(claim.Type));

    private static ClaimScoreView View(Claim claim, ClaimScore score, ModelMetadata model) => new(
        score.ApprovalProbability,
        claim.EstimatedValue is { } value ? new ClaimMoney(score.ExpectedRecovery(value.Amount)!.Value, value.Currency) : null,
        model.Version,
        model.Bootstrap,
        [.. score.TopFactors.Select(f => f.Words)]);
}
