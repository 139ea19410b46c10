using Opside.Scoring.Storage;

namespace Opside.DataPlane.Tests.Storage;

/// <summary>The model store contract, run on each store: versions written once, the promotions log naming the current one.</summary>
public abstract class ModelStoreContract
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IModelStore> OpenModelStoreAsync();

    private static StoredModel Model(string version, int hour, bool bootstrap = false) =>
        new(version, Monday.AddHours(hour), bootstrap, $"{{\"version\":\"{version}\",\"metrics\":{{\"auc\":0.8}}}}", Current: false);

    [Fact]
    public async Task A_version_is_written_once_and_listed_newest_first_with_its_package_exactly()
    {
        var store = await OpenModelStoreAsync();
        byte[] package = [1, 2, 3, 0, 255];

        Assert.True(await store.AddAsync(Model("v1", 0, bootstrap: true), package, Ct));
        Assert.True(await store.AddAsync(Model("v2", 5), [9], Ct));
        Assert.False(await store.AddAsync(Model("v1", 9) with { MetadataJson = """{"changed":true}""" }, [7, 7], Ct));

        var listed = await store.ListAsync(Ct);
        Assert.Equal(["v2", "v1"], listed.Select(m => m.Version));
        Assert.Equal(Model("v1", 0, bootstrap: true).TrainedAt, listed[1].TrainedAt);
        Assert.True(listed[1].Bootstrap);
        Assert.Contains("\"auc\"", listed[1].MetadataJson, StringComparison.Ordinal);
        Assert.All(listed, m => Assert.False(m.Current));
        Assert.Equal(package, await store.GetPackageAsync("v1", Ct));
        Assert.Null(await store.GetPackageAsync("v3", Ct));
        Assert.Null(await store.GetCurrentAsync(Ct));
    }

    [Fact]
    public async Task The_newest_promotion_is_the_current_model_and_an_unknown_version_is_not_promoted()
    {
        var store = await OpenModelStoreAsync();
        await store.AddAsync(Model("v1", 0), [1], Ct);
        await store.AddAsync(Model("v2", 1), [2], Ct);

        Assert.True(await store.PromoteAsync("v1", "trainer", "promoted", Monday, Ct));
        Assert.True(await store.PromoteAsync("v2", "ops-1", "promoted", Monday.AddMinutes(1), Ct));
        Assert.Equal("v2", (await store.GetCurrentAsync(Ct))!.Version);
        Assert.True(await store.PromoteAsync("v1", "ops-1", "rollback", Monday.AddMinutes(2), Ct));
        Assert.False(await store.PromoteAsync("v9", "ops-1", "promoted", Monday.AddMinutes(3), Ct));

        var current = await store.GetCurrentAsync(Ct);
        Assert.Equal("v1", current!.Version);
        Assert.True(current.Current);
        Assert.Equal(["v1"], (await store.ListAsync(Ct)).Where(m => m.Current).Select(m => m.Version));
        var promotions = await store.PromotionsAsync(10, Ct);
        Assert.Equal([("v1", "rollback"), ("v2", "promoted"), ("v1", "promoted")], promotions.Select(p => (p.Version, p.Kind)));
        Assert.Equal(Monday.AddMinutes(2), promotions[0].At);
        Assert.Equal("ops-1", promotions[0].By);
        Assert.True(promotions[0].Sequence > promotions[1].Sequence);
        Assert.Single(await store.PromotionsAsync(1, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.PromoteAsync("v1", "ops-1", "forced", Monday, Ct));
    }
}
