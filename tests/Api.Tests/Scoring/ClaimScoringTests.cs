using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.Api.Tests.Claims;
using Opside.Grains.Claims;
using Opside.Grains.Scoring;
using Opside.Testing;

namespace Opside.Api.Tests.Scoring;

/// <summary>
/// Claims scored by the model served (docs/model-card.md, "Serving"): none before a model is promoted; once it is,
/// each open claim carries its probability, expected recovery, model version, bootstrap flag and three factors in the
/// API's JSON; a promotion or rollback reaches every scoring activation, and the daily run scores open claims again
/// with a new version and no history entry.
/// </summary>
public sealed class ClaimScoringTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static readonly ScoringContext Context = new("US", new Dictionary<string, TypeHistory> { ["WarehouseLost"] = new(8, 10) });

    private OpsideApiFactory _factory = null!;
    private HttpClient _ops = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IGrainFactory Grains => _factory.Services.GetRequiredService<IGrainFactory>();

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory();
        _ops = _factory.CreateClientWithToken(TestAuth.Ops());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _ops.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Before_a_model_is_served_a_claim_has_no_score_and_after_it_carries_one_in_its_json()
    {
        var (account, token) = await AccountSteps.RegisterSellerAsync(_factory.CreateClient());
        using var seller = _factory.CreateClientWithToken(token);
        var before = await Grains.GetGrain<IClaimGrain>("score-before").UpsertAsync(ClaimWorkflowTests.Facts(account.SellerId), Today, DateTimeOffset.UtcNow, Context);

        var version = await TrainAsync(seed: 3);
        var scored = await Grains.GetGrain<IClaimGrain>("score-after").UpsertAsync(
            ClaimWorkflowTests.Facts(account.SellerId, value: 48.50m, fnsku: "X00SCORED1"), Today, DateTimeOffset.UtcNow, Context);
        var json = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/claims/score-after", Ct);
        var unscored = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/claims/score-before", Ct);

        Assert.Null(before.Score);
        Assert.Equal(JsonValueKind.Null, unscored.GetProperty("score").ValueKind);
        var score = scored.Score!;
        Assert.InRange(score.ApprovalProbability, 0.01, 0.99);
        Assert.Equal(version, score.ModelVersion);
        Assert.True(score.Bootstrap);
        Assert.Equal(3, score.TopFactors.Count);
        Assert.Equal("USD", score.ExpectedRecovery!.Currency);
        Assert.InRange(score.ExpectedRecovery.Amount, 0.01m, 48.50m * (decimal)score.ApprovalProbability);
        var shown = json.GetProperty("score");
        Assert.Equal(score.ApprovalProbability, shown.GetProperty("approvalProbability").GetDouble());
        Assert.Equal(score.ExpectedRecovery.Amount, shown.GetProperty("expectedRecovery").GetProperty("amount").GetDecimal());
        Assert.Equal(version, shown.GetProperty("modelVersion").GetString());
        Assert.True(shown.GetProperty("bootstrap").GetBoolean());
        Assert.Equal(score.TopFactors, shown.GetProperty("topFactors").EnumerateArray().Select(f => f.GetString()));
        // A claim of unknown value is scored, with no expected recovery.
        var unknown = await Grains.GetGrain<IClaimGrain>("score-unknown").UpsertAsync(
            ClaimWorkflowTests.Facts(account.SellerId, value: null, fnsku: "X00UNKNOWN"), Today, DateTimeOffset.UtcNow, Context);
        Assert.NotNull(unknown.Score);
        Assert.Null(unknown.Score.ExpectedRecovery);
    }

    [Fact]
    public async Task A_promotion_and_a_rollback_reach_every_scoring_activation_and_the_daily_run_rescores_without_history()
    {
        var first = await TrainAsync(seed: 3);
        var claim = Grains.GetGrain<IClaimGrain>("score-swap");
        var created = await claim.UpsertAsync(ClaimWorkflowTests.Facts("seller-swap"), Today, DateTimeOffset.UtcNow, Context);
        var view = Claim.From(created);

        // The same seed trains a model as good: promoted, and served by every activation from the next call on.
        var second = await TrainAsync(seed: 3);
        var afterPromotion = await ScoreManyAsync(view);
        var rescored = await claim.ReevaluateAsync(Today, DateTimeOffset.UtcNow, Context);
        using var rollback = await _ops.PostAsync("/api/ops/models/rollback", null, Ct);
        rollback.EnsureSuccessStatusCode();
        var afterRollback = await ScoreManyAsync(view);

        Assert.Equal(first, created.Score!.ModelVersion);
        Assert.NotEqual(first, second);
        Assert.All(afterPromotion, s => Assert.Equal(second, s!.ModelVersion));
        Assert.All(afterRollback, s => Assert.Equal(first, s!.ModelVersion));
        Assert.Equal(second, rescored!.Score!.ModelVersion);
        Assert.Equal(created.Version + 1, rescored.Version);
        Assert.Equal(created.History.Count, rescored.History.Count);
        // Scoring is deterministic for a model: the same claim scores alike on each activation.
        Assert.Single(afterRollback.Select(s => s!.ApprovalProbability).Distinct());
    }

    [Fact]
    public async Task The_ops_queue_orders_a_close_day_by_the_models_expected_recovery_and_unscored_claims_after()
    {
        var (account, _) = await AccountSteps.RegisterSellerAsync(_factory.CreateClient());
        // Worth the most by value, but created before any model is served: no score, so after the scored claims of its day.
        await Grains.GetGrain<IClaimGrain>("queue-unscored").UpsertAsync(
            ClaimWorkflowTests.Facts(account.SellerId, value: 500m, fnsku: "X00QUEUE00"), Today, DateTimeOffset.UtcNow, Context);
        await TrainAsync(seed: 3);
        var values = new[] { 10m, 60m, 30m, 45m };
        for (var i = 0; i < values.Length; i++)
            await Grains.GetGrain<IClaimGrain>($"queue-{i}").UpsertAsync(
                ClaimWorkflowTests.Facts(account.SellerId, value: values[i], fnsku: $"X00QUEUE{i + 1:D2}"), Today, DateTimeOffset.UtcNow, Context);
        // A later window comes after, however much it is expected to bring.
        await Grains.GetGrain<IClaimGrain>("queue-later").UpsertAsync(
            ClaimWorkflowTests.Facts(account.SellerId, opensIn: -4, value: 900m, fnsku: "X00QUEUE09"), Today, DateTimeOffset.UtcNow, Context);

        var queue = await _ops.GetFromJsonAsync<JsonElement>("/api/ops/claims?q=x00queue", Ct);
        var items = queue.GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(c => c.GetProperty("id").GetString()!).ToList();
        var scored = items.Take(values.Length).Select(c => c.GetProperty("score").GetProperty("expectedRecovery").GetProperty("amount").GetDecimal()).ToList();

        Assert.Equal(6, ids.Count);
        Assert.Equal(scored.OrderByDescending(a => a), scored);
        Assert.Equal(values.Length, scored.Distinct().Count());
        Assert.Equal(["queue-unscored", "queue-later"], ids[^2..]);
        Assert.Equal(JsonValueKind.Null, items[^2].GetProperty("score").ValueKind);
    }

    /// <summary>Many calls at once, so the stateless worker runs them on all its activations.</summary>
    private async Task<ClaimScoreView?[]> ScoreManyAsync(Claim claim) =>
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Grains.GetGrain<IClaimScoringGrain>(0).ScoreAsync(claim, Today, Context)));

    private async Task<string> TrainAsync(int seed)
    {
        using var response = await _ops.PostAsync("/api/ops/models/train",
            new StringContent($$"""{ "bootstrapRows": 4000, "seed": {{seed}} }""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(result.GetProperty("promoted").GetBoolean(), result.ToString());
        return result.GetProperty("model").GetProperty("version").GetString()!;
    }
}
