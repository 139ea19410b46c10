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

        Assert.True(await store.UpsertClaimAsync(Claim("c-1", version: 1), Ct));
        Assert.True(await store.UpsertClaimAsync(v2, Ct));
        Assert.False(await store.UpsertClaimAsync(v2, Ct));
        Assert.False(await store.UpsertClaimAsync(Claim("c-1", version: 1, status: "Watching"), Ct));

        Assert.Equal(v2, await store.GetClaimAsync(Seller, "c-1", Ct));
        Assert.Null(await store.GetClaimAsync(OtherSeller, "c-1", Ct));
        Assert.Null(await store.GetClaimAsync(Seller, "c-2", Ct));
    }

    [Fact]
    public async Task A_claim_without_a_known_value_round_trips_as_null()
    {
        var store = await OpenStoreAsync();
        var claim = Claim("c-1", value: null);

        await store.UpsertClaimAsync(claim, Ct);

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
            await store.UpsertClaimAsync(claim, Ct);
        await store.UpsertClaimAsync(Claim("c-x", closesDay: 1) with { SellerId = OtherSeller }, Ct);

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
