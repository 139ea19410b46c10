using Opside.DataPlane.Claims;

namespace Opside.DataPlane.Tests.Storage;

/// <summary>The claims read model part of the store contract: versioned upserts, filters, a stable order, paging.</summary>
public abstract partial class DataPlaneStoreContract
{
    private static ClaimRecord Claim(string id, long version = 1, string status = "Claimable", string type = "WarehouseLost", int closesDay = 10, decimal? value = 12.24m) =>
        new(Seller, id, type, status, new DateOnly(2026, 10, 5), new DateOnly(2026, 12, closesDay), value, value is null ? null : "USD", version,
            $$"""{"id":"{{id}}","version":{{version}}}""");

    [Fact]
    public async Task A_claim_is_replaced_only_by_a_newer_version()
    {
        var store = await OpenStoreAsync();
        var v2 = Claim("c-1", version: 2, value: 6.10m);

        Assert.Equal(1, await store.UpsertClaimsAsync([Claim("c-1", version: 1)], Ct));
        Assert.Equal(1, await store.UpsertClaimsAsync([v2], Ct));
        Assert.Equal(0, await store.UpsertClaimsAsync([v2], Ct));
        Assert.Equal(0, await store.UpsertClaimsAsync([Claim("c-1", version: 1, status: "Watching")], Ct));

        Assert.Equal(v2, await store.GetClaimAsync(Seller, "c-1", Ct));
        Assert.Null(await store.GetClaimAsync(OtherSeller, "c-1", Ct));
        Assert.Null(await store.GetClaimAsync(Seller, "c-2", Ct));
    }

    [Fact]
    public async Task A_batch_applies_only_what_is_newer_and_of_one_claim_twice_the_newest()
    {
        var store = await OpenStoreAsync();
        await store.UpsertClaimsAsync([Claim("c-1", version: 3), Claim("c-2", version: 1)], Ct);
        var batch = Enumerable.Range(0, 1_500).Select(i => Claim($"n-{i:D4}", closesDay: 1 + i % 28, value: i % 3 == 0 ? null : i))
            .Concat([Claim("c-1", version: 2, status: "Expired"), Claim("c-2", version: 2, status: "Expired"), Claim("c-2", version: 4, status: "Watching")])
            .ToList();

        var applied = await store.UpsertClaimsAsync(batch, Ct);
        var again = await store.UpsertClaimsAsync(batch, Ct);

        Assert.Equal(1_501, applied);
        Assert.Equal(0, again);
        Assert.Equal(1_502, (await store.QueryClaimsAsync(Seller, null, null, 1, 10, Ct)).Total);
        Assert.Equal("Claimable", (await store.GetClaimAsync(Seller, "c-1", Ct))!.Status);
        Assert.Equal(Claim("c-2", version: 4, status: "Watching"), await store.GetClaimAsync(Seller, "c-2", Ct));
        Assert.Equal(Claim("n-0003", closesDay: 4, value: null), await store.GetClaimAsync(Seller, "n-0003", Ct));
        Assert.Equal(0, await store.UpsertClaimsAsync([], Ct));
    }

    [Fact]
    public async Task A_claim_without_a_known_value_round_trips_as_null()
    {
        var store = await OpenStoreAsync();
        var claim = Claim("c-1", value: null);

        await store.UpsertClaimsAsync([claim], Ct);

        Assert.Equal(claim, await store.GetClaimAsync(Seller, "c-1", Ct));
    }

    [Fact]
    public async Task Claims_page_in_window_close_then_id_order_with_filters_and_the_total()
    {
        var store = await OpenStoreAsync();
        ClaimRecord[] claims =
        [
            Claim("c-b", closesDay: 5),
            Claim("c-a", closesDay: 5, status: "Watching"),
            Claim("c-c", closesDay: 1, type: "InboundShortage"),
            Claim("c-d", closesDay: 20),
            Claim("c-e", closesDay: 3, status: "Expired"),
        ];
        foreach (var claim in claims)
            await store.UpsertClaimsAsync([claim], Ct);
        await store.UpsertClaimsAsync([Claim("c-x", closesDay: 1) with { SellerId = OtherSeller }], Ct);

        var first = await store.QueryClaimsAsync(Seller, null, null, 1, 2, Ct);
        var second = await store.QueryClaimsAsync(Seller, null, null, 2, 2, Ct);
        var third = await store.QueryClaimsAsync(Seller, null, null, 3, 2, Ct);
        var beyond = await store.QueryClaimsAsync(Seller, null, null, 4, 2, Ct);
        var claimable = await store.QueryClaimsAsync(Seller, "Claimable", null, 1, 50, Ct);
        var claimableLost = await store.QueryClaimsAsync(Seller, "Claimable", "WarehouseLost", 1, 50, Ct);

        Assert.Equal(["c-c", "c-e"], first.Items.Select(c => c.ClaimId));
        Assert.Equal(["c-a", "c-b"], second.Items.Select(c => c.ClaimId));
        Assert.Equal(["c-d"], third.Items.Select(c => c.ClaimId));
        Assert.Empty(beyond.Items);
        Assert.All([first, second, third, beyond], p => Assert.Equal(5, p.Total));
        Assert.Equal(["c-c", "c-b", "c-d"], claimable.Items.Select(c => c.ClaimId));
        Assert.Equal(3, claimable.Total);
        Assert.Equal(["c-b", "c-d"], claimableLost.Items.Select(c => c.ClaimId));
        Assert.Equal(2, claimableLost.Total);
        Assert.Equal(claims[3], third.Items[0]);
    }
}
