using System.Data.Common;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using static Opside.DataPlane.Tests.Storage.SampleRows;

namespace Opside.DataPlane.Tests.Storage;

/// <summary>
/// What any <see cref="IDataPlaneStore"/> must do, checked against a real database. A subclass supplies a store on an
/// empty, migrated database of its own for each test.
/// </summary>
public abstract partial class DataPlaneStoreContract
{
    protected const string Seller = "seller-1";
    private const string OtherSeller = "seller-2";

    private static readonly DateOnly Jan1 = new(2024, 1, 1);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store on an empty database that no other test uses.</summary>
    protected abstract Task<IDataPlaneStore> OpenStoreAsync();

    [Fact]
    public async Task Ledger_rows_round_trip_every_column_with_nulls_negative_quantities_and_offsets()
    {
        var store = await OpenStoreAsync();
        LedgerEvent[] rows =
        [
            Ledger(Jan1, quantity: -12),
            Ledger(Jan1.AddDays(1), quantity: 7) with
            {
                ReconciledQuantity = null,
                UnreconciledQuantity = null,
                DateAndTime = null,
                Title = "Tente « Acme » 2 places, vert — 日本語",
                Reason = "",
            },
            // Pacific standard time, and an offset that is not whole hours.
            Ledger(Jan1.AddDays(2)) with { DateAndTime = new DateTimeOffset(2024, 1, 3, 23, 59, 59, TimeSpan.FromHours(-8)) },
            Ledger(Jan1.AddDays(3)) with { DateAndTime = new DateTimeOffset(2024, 1, 4, 0, 0, 1, new TimeSpan(5, 45, 0)), ReconciledQuantity = -2 },
        ];

        var inserted = await store.ReplaceLedgerAsync(Seller, Jan1, Jan1.AddDays(3), rows, Ct);
        var read = await store.ReadLedgerAsync(Seller, Ct);

        Assert.Equal(4, inserted);
        Assert.Equal(rows, read);
        Assert.Equal(TimeSpan.FromHours(-8), read[2].DateAndTime!.Value.Offset);
        Assert.Equal(new TimeSpan(5, 45, 0), read[3].DateAndTime!.Value.Offset);
    }

    [Fact]
    public async Task Reimbursements_round_trip_exact_decimals_and_offsets()
    {
        var store = await OpenStoreAsync();
        ReimbursementRow[] rows =
        [
            Reimbursement(new DateTimeOffset(2024, 3, 1, 8, 15, 0, Pdt)),
            // A reversal: negative cash, and amounts no double could hold exactly.
            Reimbursement(Utc(2024, 3, 2)) with
            {
                AmountPerUnit = -175.84m,
                AmountTotal = -1234567890123456.78m,
                QuantityReimbursedCash = -1,
                QuantityReimbursedTotal = -1,
                OriginalReimbursementId = "4563218790",
                OriginalReimbursementType = "Reversal",
            },
            Reimbursement(Utc(2024, 3, 3)) with { AmountPerUnit = 0.000001m, AmountTotal = 6.10m, CaseId = "", AmazonOrderId = "" },
        ];

        await store.ReplaceReimbursementsAsync(Seller, Utc(2024, 3, 1), Utc(2024, 4, 1), rows, Ct);
        var read = await store.ReadReimbursementsAsync(Seller, Ct);

        Assert.Equal(rows, read);
        Assert.Equal(Pdt, read[0].ApprovalDate.Offset);
        Assert.Equal(-1234567890123456.78m, read[1].AmountTotal);
        Assert.Equal("6.10", read[2].AmountTotal.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Customer_returns_removal_orders_and_refunds_round_trip_every_column()
    {
        var store = await OpenStoreAsync();
        CustomerReturnRow[] returns = [CustomerReturn(new DateTimeOffset(2024, 5, 6, 10, 0, 0, Pdt)), CustomerReturn(Utc(2024, 5, 7)) with { CustomerComments = "", Quantity = 2 }];
        RemovalOrderRow[] removals =
        [
            RemovalOrder(new DateTimeOffset(2024, 5, 6, 10, 0, 0, Pdt)),
            RemovalOrder(Utc(2024, 5, 8)) with { RemovalFee = null, ServiceSpeed = "", LastUpdatedDate = new DateTimeOffset(2024, 6, 1, 1, 2, 3, TimeSpan.FromHours(2)) },
        ];
        RefundItem[] refunds = [Refund(Utc(2024, 5, 9)), Refund(new DateTimeOffset(2024, 5, 10, 23, 0, 0, Pdt)) with { Principal = 6.12m, QuantityShipped = 2 }];

        await store.ReplaceCustomerReturnsAsync(Seller, Utc(2024, 5, 1), Utc(2024, 6, 1), returns, Ct);
        await store.ReplaceRemovalOrdersAsync(Seller, Utc(2024, 5, 1), Utc(2024, 6, 1), removals, Ct);
        await store.ReplaceRefundsAsync(Seller, Utc(2024, 5, 1), Utc(2024, 6, 1), refunds, Ct);

        Assert.Equal(returns, await store.ReadCustomerReturnsAsync(Seller, Ct));
        Assert.Equal(removals, await store.ReadRemovalOrdersAsync(Seller, Ct));
        Assert.Equal(refunds, await store.ReadRefundsAsync(Seller, Ct));
    }

    [Fact]
    public async Task Replacing_an_overlapping_range_twice_gives_the_same_rows_and_counts()
    {
        var store = await OpenStoreAsync();
        var first = Enumerable.Range(0, 10).Select(d => Ledger(Jan1.AddDays(d), fnsku: $"X00{d}")).ToArray();
        // Days 5..14: re-fetched days 5..9 carry revised rows, 10..14 are new.
        var overlap = Enumerable.Range(5, 10).Select(d => Ledger(Jan1.AddDays(d), fnsku: $"Y00{d}", quantity: d)).ToArray();

        await store.ReplaceLedgerAsync(Seller, Jan1, Jan1.AddDays(9), first, Ct);
        await store.ReplaceLedgerAsync(Seller, Jan1.AddDays(5), Jan1.AddDays(14), overlap, Ct);
        var afterOnce = await store.ReadLedgerAsync(Seller, Ct);
        var countsOnce = await store.CountAsync(Seller, Ct);
        await store.ReplaceLedgerAsync(Seller, Jan1.AddDays(5), Jan1.AddDays(14), overlap, Ct);
        var afterTwice = await store.ReadLedgerAsync(Seller, Ct);

        Assert.Equal(first.Take(5).Concat(overlap), afterOnce);
        Assert.Equal(afterOnce, afterTwice);
        Assert.Equal(15, countsOnce[DataSource.Ledger]);
        Assert.Equal(countsOnce, await store.CountAsync(Seller, Ct));
    }

    [Fact]
    public async Task Identical_ledger_rows_are_separate_events_and_all_kept()
    {
        var store = await OpenStoreAsync();
        var row = Ledger(Jan1);

        var inserted = await store.ReplaceLedgerAsync(Seller, Jan1, Jan1, [row, row, row], Ct);

        Assert.Equal(3, inserted);
        Assert.Equal([row, row, row], await store.ReadLedgerAsync(Seller, Ct));
    }

    [Fact]
    public async Task Reads_are_in_range_column_order_then_insertion_order()
    {
        var store = await OpenStoreAsync();
        LedgerEvent[] ledger = [Ledger(Jan1.AddDays(2), "C"), Ledger(Jan1, "B"), Ledger(Jan1.AddDays(2), "A"), Ledger(Jan1, "Z")];
        ReimbursementRow[] reimbursements = [Reimbursement(Utc(2024, 3, 5), "3"), Reimbursement(Utc(2024, 3, 1), "2"), Reimbursement(Utc(2024, 3, 5), "1")];

        await store.ReplaceLedgerAsync(Seller, Jan1, Jan1.AddDays(2), ledger, Ct);
        await store.ReplaceReimbursementsAsync(Seller, Utc(2024, 3, 1), Utc(2024, 4, 1), reimbursements, Ct);

        Assert.Equal(["B", "Z", "C", "A"], (await store.ReadLedgerAsync(Seller, Ct)).Select(r => r.Fnsku));
        Assert.Equal(["2", "3", "1"], (await store.ReadReimbursementsAsync(Seller, Ct)).Select(r => r.ReimbursementId));
    }

    [Fact]
    public async Task A_ledger_read_by_event_type_keeps_only_those_rows_in_read_order()
    {
        var store = await OpenStoreAsync();
        LedgerEvent[] ledger =
        [
            Ledger(Jan1.AddDays(2), "C"),
            Ledger(Jan1, "SHIPPED") with { EventType = "Shipments" },
            Ledger(Jan1, "B") with { EventType = "Receipts" },
            Ledger(Jan1.AddDays(1), "RETURNED") with { EventType = "CustomerReturns" },
            Ledger(Jan1, "A"),
        ];
        await store.ReplaceLedgerAsync(Seller, Jan1, Jan1.AddDays(2), ledger, Ct);
        await store.ReplaceLedgerAsync(OtherSeller, Jan1, Jan1, [Ledger(Jan1, "THEIRS")], Ct);

        Assert.Equal(["B", "A", "C"], (await store.ReadLedgerEventsAsync(Seller, ["Adjustments", "Receipts"], Ct)).Select(r => r.Fnsku));
        Assert.Equal(["SHIPPED"], (await store.ReadLedgerEventsAsync(Seller, ["Shipments"], Ct)).Select(r => r.Fnsku));
        Assert.Empty(await store.ReadLedgerEventsAsync(Seller, [], Ct));
    }

    [Fact]
    public async Task Each_msku_is_named_with_the_fnsku_of_its_first_ledger_row_of_any_event_type()
    {
        var store = await OpenStoreAsync();
        // SKU-1 is relabelled: its first row (by date, then as stored) names OLD, whatever the insertion order.
        await store.ReplaceLedgerAsync(Seller, Jan1.AddDays(5), Jan1.AddDays(5), [Ledger(Jan1.AddDays(5), "NEW") with { Msku = "SKU-1" }], Ct);
        LedgerEvent[] ledger =
        [
            Ledger(Jan1.AddDays(1), "OLD") with { Msku = "SKU-1", EventType = "Shipments" },
            Ledger(Jan1.AddDays(1), "LATER") with { Msku = "SKU-1" },
            Ledger(Jan1.AddDays(2), "F2") with { Msku = "SKU-2", EventType = "CustomerReturns" },
        ];
        await store.ReplaceLedgerAsync(Seller, Jan1, Jan1.AddDays(2), ledger, Ct);
        await store.ReplaceLedgerAsync(OtherSeller, Jan1, Jan1, [Ledger(Jan1, "THEIRS") with { Msku = "SKU-3" }], Ct);

        var fnskus = await store.ReadLedgerFnskuByMskuAsync(Seller, Ct);

        Assert.Equal(new Dictionary<string, string> { ["SKU-1"] = "OLD", ["SKU-2"] = "F2" }, fnskus);
        Assert.Empty(await store.ReadLedgerFnskuByMskuAsync("seller-without-rows", Ct));
    }

    [Fact]
    public async Task Another_sellers_rows_are_never_touched()
    {
        var store = await OpenStoreAsync();
        var theirs = Ledger(Jan1, "THEIRS");
        await store.ReplaceLedgerAsync(OtherSeller, Jan1, Jan1, [theirs], Ct);
        await store.ReplaceReimbursementsAsync(OtherSeller, Utc(2024, 1, 1), Utc(2024, 2, 1), [Reimbursement(Utc(2024, 1, 1))], Ct);

        await store.ReplaceLedgerAsync(Seller, Jan1, Jan1, [Ledger(Jan1, "MINE")], Ct);
        await store.ReplaceLedgerAsync(Seller, Jan1, Jan1, [], Ct);
        await store.ReplaceReimbursementsAsync(Seller, Utc(2024, 1, 1), Utc(2024, 2, 1), [], Ct);

        Assert.Empty(await store.ReadLedgerAsync(Seller, Ct));
        Assert.Equal([theirs], await store.ReadLedgerAsync(OtherSeller, Ct));
        Assert.Single(await store.ReadReimbursementsAsync(OtherSeller, Ct));
        Assert.Empty(await store.ReadReimbursementsAsync(Seller, Ct));
    }

    [Fact]
    public async Task A_ledger_range_covers_its_first_and_last_day_and_nothing_else()
    {
        var store = await OpenStoreAsync();
        var days = Enumerable.Range(0, 5).Select(d => Ledger(Jan1.AddDays(d), fnsku: $"D{d}")).ToArray();
        await store.ReplaceLedgerAsync(Seller, Jan1, Jan1.AddDays(4), days, Ct);

        var inserted = await store.ReplaceLedgerAsync(Seller, Jan1.AddDays(1), Jan1.AddDays(3), [], Ct);

        Assert.Equal(0, inserted);
        Assert.Equal(["D0", "D4"], (await store.ReadLedgerAsync(Seller, Ct)).Select(r => r.Fnsku));
    }

    [Fact]
    public async Task An_instant_range_includes_its_start_and_excludes_its_end_whatever_the_offset()
    {
        var store = await OpenStoreAsync();
        var start = Utc(2024, 2, 1);
        var end = Utc(2024, 3, 1);
        ReimbursementRow[] wide =
        [
            Reimbursement(start.AddSeconds(-1), "before"),
            // The start instant printed in Pacific time (2024-01-31 17:00 -07:00).
            Reimbursement(start.ToOffset(Pdt), "at-start"),
            Reimbursement(end.AddSeconds(-1), "last-second"),
            Reimbursement(end, "at-end"),
        ];
        await store.ReplaceReimbursementsAsync(Seller, start.AddDays(-1), end.AddDays(1), wide, Ct);

        await store.ReplaceReimbursementsAsync(Seller, start, end, [], Ct);

        Assert.Equal(["before", "at-end"], (await store.ReadReimbursementsAsync(Seller, Ct)).Select(r => r.ReimbursementId));
    }

    [Fact]
    public async Task A_range_ending_one_tick_after_its_last_row_replaces_that_row_when_given_again()
    {
        var store = await OpenStoreAsync();
        // What an upload or a fetch replaces: from the first row to one tick past the last, finer than the stores'
        // microseconds. Given twice, the last row must be replaced, not kept beside its copy.
        var (first, last) = (Utc(2024, 3, 1), Utc(2024, 3, 9, 10));
        ReimbursementRow[] reimbursements = [Reimbursement(first, "first"), Reimbursement(last, "last")];
        CustomerReturnRow[] returns = [CustomerReturn(first, "first"), CustomerReturn(last, "last")];
        RemovalOrderRow[] removals = [RemovalOrder(first, "first"), RemovalOrder(last, "last")];
        RefundItem[] refunds = [Refund(first, "first"), Refund(last, "last")];

        for (var i = 0; i < 2; i++)
        {
            await store.ReplaceReimbursementsAsync(Seller, first, last.AddTicks(1), reimbursements, Ct);
            await store.ReplaceCustomerReturnsAsync(Seller, first, last.AddTicks(1), returns, Ct);
            await store.ReplaceRemovalOrdersAsync(Seller, first, last.AddTicks(1), removals, Ct);
            await store.ReplaceRefundsAsync(Seller, first, last.AddTicks(1), refunds, Ct);
        }

        Assert.Equal(reimbursements, await store.ReadReimbursementsAsync(Seller, Ct));
        Assert.Equal(returns, await store.ReadCustomerReturnsAsync(Seller, Ct));
        Assert.Equal(removals, await store.ReadRemovalOrdersAsync(Seller, Ct));
        Assert.Equal(refunds, await store.ReadRefundsAsync(Seller, Ct));
    }

    [Fact]
    public async Task A_failed_replace_rolls_back_and_leaves_the_previous_rows()
    {
        var store = await OpenStoreAsync();
        var before = Enumerable.Range(0, 3).Select(d => Ledger(Jan1.AddDays(d), fnsku: $"OLD{d}")).ToArray();
        await store.ReplaceLedgerAsync(Seller, Jan1, Jan1.AddDays(2), before, Ct);
        // The failure comes after the delete and after rows were already inserted: the last row breaks NOT NULL.
        var replacement = Enumerable.Range(0, 500).Select(i => Ledger(Jan1.AddDays(i % 3), fnsku: $"NEW{i}")).ToList();
        replacement.Add(Ledger(Jan1) with { Fnsku = null! });

        await Assert.ThrowsAnyAsync<DbException>(() => store.ReplaceLedgerAsync(Seller, Jan1, Jan1.AddDays(2), replacement, Ct));

        Assert.Equal(before, await store.ReadLedgerAsync(Seller, Ct));
        Assert.Equal(3, (await store.CountAsync(Seller, Ct))[DataSource.Ledger]);
    }

    [Fact]
    public async Task A_failed_instant_range_replace_rolls_back_too()
    {
        var store = await OpenStoreAsync();
        RefundItem[] before = [Refund(Utc(2024, 1, 5)), Refund(Utc(2024, 1, 6))];
        await store.ReplaceRefundsAsync(Seller, Utc(2024, 1, 1), Utc(2024, 2, 1), before, Ct);

        RefundItem[] broken = [Refund(Utc(2024, 1, 7)), Refund(Utc(2024, 1, 8)) with { Currency = null! }];
        await Assert.ThrowsAnyAsync<DbException>(() => store.ReplaceRefundsAsync(Seller, Utc(2024, 1, 1), Utc(2024, 2, 1), broken, Ct));

        Assert.Equal(before, await store.ReadRefundsAsync(Seller, Ct));
    }

    [Fact]
    public async Task Rows_outside_the_range_are_refused_and_nothing_changes()
    {
        var store = await OpenStoreAsync();
        var kept = Ledger(Jan1);
        await store.ReplaceLedgerAsync(Seller, Jan1, Jan1, [kept], Ct);

        await Assert.ThrowsAsync<ArgumentException>("rows", () => store.ReplaceLedgerAsync(Seller, Jan1, Jan1.AddDays(1), [Ledger(Jan1.AddDays(2))], Ct));
        await Assert.ThrowsAsync<ArgumentException>("rows", () => store.ReplaceLedgerAsync(Seller, Jan1.AddDays(1), Jan1.AddDays(2), [Ledger(Jan1)], Ct));
        await Assert.ThrowsAsync<ArgumentException>("rows", () => store.ReplaceReimbursementsAsync(Seller, Utc(2024, 1, 1), Utc(2024, 2, 1), [Reimbursement(Utc(2024, 2, 1))], Ct));
        await Assert.ThrowsAsync<ArgumentException>("rows", () => store.ReplaceCustomerReturnsAsync(Seller, Utc(2024, 1, 1), Utc(2024, 2, 1), [CustomerReturn(Utc(2023, 12, 31))], Ct));
        await Assert.ThrowsAsync<ArgumentException>("rows", () => store.ReplaceRemovalOrdersAsync(Seller, Utc(2024, 1, 1), Utc(2024, 2, 1), [RemovalOrder(Utc(2024, 3, 1))], Ct));
        await Assert.ThrowsAsync<ArgumentException>("rows", () => store.ReplaceRefundsAsync(Seller, Utc(2024, 1, 1), Utc(2024, 2, 1), [Refund(Utc(2024, 2, 1).ToOffset(Pdt))], Ct));

        Assert.Equal([kept], await store.ReadLedgerAsync(Seller, Ct));
    }

    [Fact]
    public async Task Upserting_inbound_shipments_updates_them_and_replaces_only_their_items()
    {
        var store = await OpenStoreAsync();
        var shipment1 = new InboundShipment("FBA15DJ9SX8L", "Spring restock", "WORKING", "PHX7");
        var shipment2 = new InboundShipment("FBA15DJ9SX9M", "Tents", "CLOSED", "ONT8");
        InboundShipmentItem[] items =
        [
            new("FBA15DJ9SX8L", "ACME-TENT-2P", "X001ABCDEF", 24, 0, 12),
            new("FBA15DJ9SX8L", "ACME-TARP", "X001TARP01", 10, 0, null),
            new("FBA15DJ9SX9M", "ACME-TENT-4P", "X001TENT4P", 6, 5, null),
        ];
        Assert.Equal(3, await store.UpsertInboundShipmentsAsync(Seller, [shipment1, shipment2], items, Ct));

        var received = shipment1 with { ShipmentStatus = "CLOSED", ShipmentName = "Spring restock (received)" };
        InboundShipmentItem[] receivedItems = [new("FBA15DJ9SX8L", "ACME-TENT-2P", "X001ABCDEF", 24, 23, 12)];
        var inserted = await store.UpsertInboundShipmentsAsync(Seller, [received], receivedItems, Ct);

        Assert.Equal(1, inserted);
        Assert.Equal([received, shipment2], await store.ReadInboundShipmentsAsync(Seller, Ct));
        Assert.Equal([receivedItems[0], items[2]], await store.ReadInboundShipmentItemsAsync(Seller, Ct));
        Assert.Equal(2, (await store.CountAsync(Seller, Ct))[DataSource.InboundShipments]);
        Assert.Empty(await store.ReadInboundShipmentsAsync(OtherSeller, Ct));
    }

    [Fact]
    public async Task Inbound_items_of_a_shipment_not_given_are_refused()
    {
        var store = await OpenStoreAsync();
        var shipment = new InboundShipment("FBA15DJ9SX8L", "Spring restock", "WORKING", "PHX7");

        await Assert.ThrowsAsync<ArgumentException>("items", () => store.UpsertInboundShipmentsAsync(
            Seller, [shipment], [new("FBA-OTHER", "ACME-TENT-2P", "X001ABCDEF", 1, 0, null)], Ct));

        Assert.Empty(await store.ReadInboundShipmentsAsync(Seller, Ct));
    }

    [Fact]
    public async Task Archiving_a_document_twice_keeps_one_copy_and_lists_newest_first()
    {
        var store = await OpenStoreAsync();
        var older = new ArchivedDocument(
            "amzn1.spdoc.1.4.na.11111111", "GET_LEDGER_DETAIL_VIEW_DATA", new DateTimeOffset(2024, 4, 1, 6, 0, 0, Pdt),
            """{"reportId":"5012345","dataStartTime":"2024-03-01"}""", "text/tab-separated-values", [0x1f, 0x8b, 8, 0, 1, 2, 3]);
        var newer = new ArchivedDocument(
            "financial-events-page-2", "listFinancialEvents", Utc(2024, 4, 2), """{"NextToken":"abc"}""", null, new byte[70_000]);

        await store.ArchiveDocumentAsync(Seller, older, Ct);
        await store.ArchiveDocumentAsync(Seller, newer, Ct);
        await store.ArchiveDocumentAsync(Seller, older with { Request = "changed", GzipContent = [9] }, Ct);
        var list = await store.ListArchivedDocumentsAsync(Seller, Ct);

        Assert.Equal(
            [
                new ArchivedDocumentInfo(newer.Id, newer.Source, newer.FetchedAt, newer.Request, null, 70_000),
                new ArchivedDocumentInfo(older.Id, older.Source, older.FetchedAt, older.Request, older.ContentType, 7),
            ],
            list);
        Assert.Equal(Pdt, list[1].FetchedAt.Offset);
        Assert.Empty(await store.ListArchivedDocumentsAsync(OtherSeller, Ct));
    }

    [Fact]
    public async Task The_cost_catalog_round_trips_exact_costs_and_is_replaced_whole()
    {
        var store = await OpenStoreAsync();
        CostCatalogEntry[] first =
        [
            new("AB-1234-RED", 4.25m, "USD", "invoice INV-2025-001", new DateOnly(2025, 1, 15)),
            new("AB-1234-RED", 4.5m, "USD", "invoice INV-2026-007", new DateOnly(2026, 2, 1)),
            new("CD-9", 12.3456m, "EUR", "supplier sheet", new DateOnly(2024, 12, 31)),
        ];
        CostCatalogEntry[] second = [new("CD-9", 13m, "EUR", "supplier sheet v2", new DateOnly(2026, 1, 1))];

        await store.ReplaceCostCatalogAsync(Seller, first, Ct);
        await store.ReplaceCostCatalogAsync("seller-2", second, Ct);
        var read = await store.ReadCostCatalogAsync(Seller, Ct);
        await store.ReplaceCostCatalogAsync(Seller, second, Ct);

        Assert.Equal(first.OrderBy(c => c.EffectiveDate), read);
        Assert.Equal(second, await store.ReadCostCatalogAsync(Seller, Ct));
        Assert.Equal(second, await store.ReadCostCatalogAsync("seller-2", Ct));
    }

    [Fact]
    public async Task Counts_cover_every_source_and_only_the_seller()
    {
        var store = await OpenStoreAsync();
        await store.ReplaceLedgerAsync(Seller, Jan1, Jan1, [Ledger(Jan1), Ledger(Jan1)], Ct);
        await store.ReplaceReimbursementsAsync(Seller, Utc(2024, 1, 1), Utc(2024, 2, 1), [Reimbursement(Utc(2024, 1, 2))], Ct);
        await store.ReplaceRemovalOrdersAsync(Seller, Utc(2024, 1, 1), Utc(2024, 2, 1), [RemovalOrder(Utc(2024, 1, 2)), RemovalOrder(Utc(2024, 1, 3)), RemovalOrder(Utc(2024, 1, 4))], Ct);
        await store.ReplaceRefundsAsync(OtherSeller, Utc(2024, 1, 1), Utc(2024, 2, 1), [Refund(Utc(2024, 1, 2))], Ct);

        var counts = await store.CountAsync(Seller, Ct);

        Assert.Equal(
            new Dictionary<DataSource, long>
            {
                [DataSource.Ledger] = 2,
                [DataSource.Reimbursements] = 1,
                [DataSource.CustomerReturns] = 0,
                [DataSource.RemovalOrders] = 3,
                [DataSource.InboundShipments] = 0,
                [DataSource.Refunds] = 0,
            },
            counts);
    }
}
