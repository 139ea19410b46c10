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
    public async Task A_rewrite_replaces_the_same_version_and_never_a_newer_one()
    {
        var store = await OpenStoreAsync();
        await store.UpsertClaimsAsync([Claim("c-1", version: 2), Claim("c-2", version: 5)], Ct);
        // The same version with other content: what a rebuild writes over a stale or damaged row.
        var repaired = Claim("c-1", version: 2, status: "Filed") with { Json = """{"id":"c-1","version":2,"status":"Filed"}""" };

        Assert.Equal(0, await store.UpsertClaimsAsync([repaired], Ct));
        Assert.Equal(2, await store.RewriteClaimsAsync([repaired, Claim("c-3", version: 1)], Ct));
        Assert.Equal(0, await store.RewriteClaimsAsync([Claim("c-2", version: 4)], Ct));

        Assert.Equal(repaired, await store.GetClaimAsync(Seller, "c-1", Ct));
        Assert.Equal(5, (await store.GetClaimAsync(Seller, "c-2", Ct))!.Version);
        Assert.Equal(["c-1", "c-2", "c-3"], await store.ListClaimIdsAsync(Seller, Ct));
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
        Assert.Equal(1_502, (await store.QueryClaimsAsync(new ClaimQuery(Seller, 1, 10, null, null), Ct)).Total);
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

        var first = await store.QueryClaimsAsync(new ClaimQuery(Seller, 1, 2, null, null), Ct);
        var second = await store.QueryClaimsAsync(new ClaimQuery(Seller, 2, 2, null, null), Ct);
        var third = await store.QueryClaimsAsync(new ClaimQuery(Seller, 3, 2, null, null), Ct);
        var beyond = await store.QueryClaimsAsync(new ClaimQuery(Seller, 4, 2, null, null), Ct);
        var claimable = await store.QueryClaimsAsync(new ClaimQuery(Seller, 1, 50, "Claimable", null), Ct);
        var claimableLost = await store.QueryClaimsAsync(new ClaimQuery(Seller, 1, 50, "Claimable", "WarehouseLost"), Ct);

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

    [Fact]
    public async Task Claims_filter_by_due_soon_anchor_range_and_text_and_sort_by_value_or_anchor_either_way()
    {
        var store = await OpenStoreAsync();
        ClaimRecord[] claims =
        [
            Claim("c-1", closesDay: 5, value: 30m) with { AnchorDate = new DateOnly(2026, 9, 1), Search = "x001abc\nsku-red" },
            Claim("c-2", closesDay: 12, value: null) with { AnchorDate = new DateOnly(2026, 9, 15), Search = "x002def\nsku-blue\n15678123451" },
            Claim("c-3", closesDay: 6, value: 5m, status: "Filed") with { AnchorDate = new DateOnly(2026, 10, 1), Search = "x003_ghi" },
            Claim("c-4", closesDay: 8, value: 100m) with { AnchorDate = new DateOnly(2026, 10, 20), Search = "x004%jkl" },
        ];
        await store.UpsertClaimsAsync(claims, Ct);

        async Task<IEnumerable<string>> Ids(ClaimQuery query) => (await store.QueryClaimsAsync(query, Ct)).Items.Select(c => c.ClaimId);
        var all = new ClaimQuery(Seller, 1, 50);

        Assert.Equal(["c-1", "c-4"], await Ids(all with { DueSoonOn = new DateOnly(2026, 12, 1), DueSoonUntil = new DateOnly(2026, 12, 8) }));
        Assert.Equal(["c-3", "c-2"], await Ids(all with { AnchorFrom = new DateOnly(2026, 9, 2), AnchorTo = new DateOnly(2026, 10, 1) }));
        Assert.Equal(["c-2"], await Ids(all with { Search = "SKU-BLUE" }));
        Assert.Equal(["c-2"], await Ids(all with { Search = "5678123" }));
        Assert.Equal(["c-3"], await Ids(all with { Search = "_" }));
        Assert.Equal(["c-4"], await Ids(all with { Search = "%" }));
        Assert.Empty(await Ids(all with { Search = "nothing" }));
        Assert.Equal(["c-4", "c-1", "c-3", "c-2"], await Ids(all with { Sort = ClaimSort.Value, Descending = true }));
        Assert.Equal(["c-3", "c-1", "c-4", "c-2"], await Ids(all with { Sort = ClaimSort.Value }));
        Assert.Equal(["c-4", "c-3", "c-2", "c-1"], await Ids(all with { Sort = ClaimSort.AnchorDate, Descending = true }));
        Assert.Equal(["c-2", "c-4", "c-3", "c-1"], await Ids(all with { Descending = true }));
    }

    [Fact]
    public async Task The_queue_spans_sellers_by_soonest_close_then_most_value_then_id_and_pages_stably()
    {
        var store = await OpenStoreAsync();
        await store.UpsertClaimsAsync(
        [
            Claim("c-1", closesDay: 5, value: 10m),
            Claim("c-2", closesDay: 5, value: 50m) with { SellerId = OtherSeller },
            Claim("c-3", closesDay: 5, value: null),
            Claim("c-4", closesDay: 4, value: 1m) with { SellerId = OtherSeller },
            Claim("c-5", closesDay: 1, value: 99m, status: "Expired"),
        ], Ct);

        var queue = new ClaimQuery(null, 1, 2, Status: "Claimable", Sort: ClaimSort.Queue);
        var first = await store.QueryClaimsAsync(queue, Ct);
        var second = await store.QueryClaimsAsync(queue with { Page = 2 }, Ct);

        Assert.Equal(["c-4", "c-2"], first.Items.Select(c => c.ClaimId));
        Assert.Equal(["c-1", "c-3"], second.Items.Select(c => c.ClaimId));
        Assert.Equal(4, first.Total);
    }

    [Fact]
    public async Task The_queue_orders_a_close_day_by_most_expected_recovery_then_unscored_claims_by_value()
    {
        var store = await OpenStoreAsync();
        await store.UpsertClaimsAsync(
        [
            Claim("c-1", closesDay: 5, value: 90m) with { ExpectedRecovery = 4.50m },
            Claim("c-2", closesDay: 5, value: 20m) with { ExpectedRecovery = 18.25m, SellerId = OtherSeller },
            Claim("c-3", closesDay: 5, value: 99m),
            Claim("c-4", closesDay: 5, value: 30m),
            Claim("c-5", closesDay: 5, value: null),
            Claim("c-6", closesDay: 6, value: 500m) with { ExpectedRecovery = 400m },
            Claim("c-7", closesDay: 5, value: 10m) with { ExpectedRecovery = 18.2m },
        ], Ct);

        var queue = await store.QueryClaimsAsync(new ClaimQuery(null, 1, 10, Sort: ClaimSort.Queue), Ct);

        // A scored claim outranks an unscored one of more value on the same day: its value was weighed by the model.
        Assert.Equal(["c-2", "c-7", "c-1", "c-3", "c-4", "c-5", "c-6"], queue.Items.Select(c => c.ClaimId));
        Assert.Equal(18.25m, queue.Items[0].ExpectedRecovery);
        Assert.Null(queue.Items[3].ExpectedRecovery);
    }

    [Fact]
    public async Task Filed_claims_are_found_by_case_id_tallied_exactly_and_deleted_by_id()
    {
        var store = await OpenStoreAsync();
        await store.UpsertClaimsAsync(
        [
            Claim("c-1", status: "Reimbursed", value: 12.24m) with { CaseId = "111111", RecoveredAmount = 12.23m, RecoveredCurrency = "USD" },
            Claim("c-2", status: "Filed", value: 0.1m) with { CaseId = "222222" },
            Claim("c-3", status: "Claimable", value: 0.2m, closesDay: 9),
            Claim("c-4", status: "Claimable", value: null, closesDay: 20, type: "InboundShortage"),
            Claim("c-5", status: "Filed") with { SellerId = OtherSeller, CaseId = "222222" },
        ], Ct);

        var found = await store.FindClaimsByCaseAsync(Seller, ["222222", "111111", "999999"], Ct);
        var tallies = await store.TallyClaimsAsync(Seller, new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 12), Ct);
        var deleted = await store.DeleteClaimsAsync(Seller, ["c-3", "c-9"], Ct);

        Assert.Equal(["c-1", "c-2"], found.Select(c => c.ClaimId));
        Assert.Equal("111111", found[0].CaseId);
        Assert.Equal(12.23m, found[0].RecoveredAmount);
        Assert.Equal(
        [
            new ClaimTally("Claimable", "InboundShortage", null, 1, 0m, 0m, 0),
            new ClaimTally("Claimable", "WarehouseLost", "USD", 1, 0.2m, 0m, 1),
            new ClaimTally("Filed", "WarehouseLost", "USD", 1, 0.1m, 0m, 0),
            new ClaimTally("Reimbursed", "WarehouseLost", "USD", 1, 12.24m, 12.23m, 0),
        ], tallies);
        Assert.Equal(1, deleted);
        Assert.Equal(["c-1", "c-2", "c-4"], await store.ListClaimIdsAsync(Seller, Ct));
    }
}
