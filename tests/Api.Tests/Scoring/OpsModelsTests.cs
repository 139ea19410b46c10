using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opside.Testing;

namespace Opside.Api.Tests.Scoring;

/// <summary>
/// The refund model versions through the ops routes (docs/model-card.md, "Versions"): the first model is promoted, a
/// model as good as the served one is promoted, a worse one is stored but not served and cannot be promoted by hand,
/// and a rollback serves the version served before. Small bootstrap sets keep each training to a second or so.
/// </summary>
public sealed class OpsModelsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Training_promotes_only_a_model_at_least_as_good_and_rollback_serves_the_one_before()
    {
        await using var factory = new OpsideApiFactory();
        using var ops = factory.CreateClientWithToken(TestAuth.Ops());

        var first = await TrainAsync(ops, """{ "bootstrapRows": 6000, "seed": 11 }""");
        var same = await TrainAsync(ops, """{ "bootstrapRows": 6000, "seed": 11 }""");
        var worse = await TrainAsync(ops, """{ "bootstrapRows": 300, "seed": 11 }""");

        Assert.True(first.GetProperty("promoted").GetBoolean());
        Assert.Equal("the first model", first.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("currentOnSameTest").ValueKind);
        Assert.True(first.GetProperty("model").GetProperty("bootstrap").GetBoolean());
        Assert.Equal(0, first.GetProperty("realDecisions").GetInt32());
        Assert.True(first.GetProperty("model").GetProperty("metrics").GetProperty("auc").GetDouble() > 0.7);
        Assert.True(same.GetProperty("promoted").GetBoolean());
        Assert.StartsWith("at least as good", same.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(worse.GetProperty("promoted").GetBoolean());
        Assert.StartsWith("worse", worse.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var versions = await ops.GetFromJsonAsync<JsonElement>("/api/ops/models", Ct);
        var listed = versions.EnumerateArray().Select(v => (Version: v.GetProperty("version").GetString()!, Current: v.GetProperty("current").GetBoolean())).ToArray();
        string Version(JsonElement result) => result.GetProperty("model").GetProperty("version").GetString()!;
        Assert.Equal(3, listed.Length);
        Assert.Equal([Version(same)], listed.Where(v => v.Current).Select(v => v.Version));
        Assert.All(versions.EnumerateArray(), v => Assert.True(v.GetProperty("metrics").TryGetProperty("calibrationError", out _)));

        using var promoteWorse = await ops.PostAsync($"/api/ops/models/{Version(worse)}/promote", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, promoteWorse.StatusCode);
        Assert.Contains("worse", (await promoteWorse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var promoteUnknown = await ops.PostAsync("/api/ops/models/refund-none/promote", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, promoteUnknown.StatusCode);

        using var rollback = await ops.PostAsync("/api/ops/models/rollback", null, Ct);
        rollback.EnsureSuccessStatusCode();
        Assert.Equal(Version(first), (await rollback.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetString());
        var after = await ops.GetFromJsonAsync<JsonElement>("/api/ops/models", Ct);
        Assert.Equal([Version(first)], after.EnumerateArray().Where(v => v.GetProperty("current").GetBoolean()).Select(v => v.GetProperty("version").GetString()));
    }

    [Theory]
    [InlineData("""{ "bootstrapRows": 10 }""", "bootstrapRows")]
    [InlineData("""{ "bootstrapRows": 9000000 }""", "bootstrapRows")]
    [InlineData("""{ "seed": "x" }""", "seed")]
    [InlineData("""{ "bootstrap": "yes" }""", "bootstrap")]
    public async Task A_bad_training_request_names_its_field_and_trains_nothing(string body, string field)
    {
        await using var factory = new OpsideApiFactory();
        using var ops = factory.CreateClientWithToken(TestAuth.Ops());

        using var response = await ops.PostAsync("/api/ops/models/train", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty((await ops.GetFromJsonAsync<JsonElement>("/api/ops/models", Ct)).EnumerateArray());
    }

    [Fact]
    public async Task Rollback_without_an_earlier_model_is_a_conflict()
    {
        await using var factory = new OpsideApiFactory();
        using var ops = factory.CreateClientWithToken(TestAuth.Ops());

        using var none = await ops.PostAsync("/api/ops/models/rollback", null, Ct);
        await TrainAsync(ops, """{ "bootstrapRows": 2000 }""");
        using var onlyOne = await ops.PostAsync("/api/ops/models/rollback", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, onlyOne.StatusCode);
    }

    private static async Task<JsonElement> TrainAsync(HttpClient ops, string body)
    {
        using var response = await ops.PostAsync("/api/ops/models/train", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
