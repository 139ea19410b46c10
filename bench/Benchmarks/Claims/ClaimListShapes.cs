using Opside.DataPlane.Claims;

namespace Opside.Benchmarks.Claims;

/// <summary>One claims list request as the API makes it of the store (<c>ClaimsReaderGrain.ListAsync</c>), by name.</summary>
internal sealed record ClaimListShape(string Name, ClaimQuery Query);

/// <summary>
/// The list requests measured on <see cref="LargeClaimSet"/>'s seller: the default list, each filter alone, filters
/// combined, each sort both ways, pages of 50 and 500, the first page and the last, and text search for an FNSKU,
/// an order id fragment and a case id. The ops queue across sellers is measured beside them for reference.
/// </summary>
internal static class ClaimListShapes
{
    public static IReadOnlyList<ClaimListShape> For(string caseId, string orderFragment)
    {
        var seller = LargeClaimSet.SellerId;
        var today = LargeClaimSet.AsOf;
        ClaimListShape Shape(string name, int page = 1, int pageSize = 50, string? status = null, string? type = null, bool dueSoon = false,
            int? anchorDays = null, string? q = null, ClaimSort sort = ClaimSort.WindowCloses, bool descending = false, bool allSellers = false) =>
            new(name, new ClaimQuery(allSellers ? null : seller, page, pageSize, status, type,
                dueSoon ? today : null, dueSoon ? today.AddDays(Opside.Grains.Claims.ClaimDeadlines.DueSoonDays) : null,
                anchorDays is { } d ? today.AddDays(-d) : null, anchorDays is null ? null : today, q, sort, descending));

        return
        [
            Shape("all, window asc, p1"),
            Shape("all, window asc, p1, 500", pageSize: 500),
            Shape("all, window asc, last page (1000)", page: 1_000),
            Shape("all, window desc, p1", descending: true),
            Shape("all, value desc, p1", sort: ClaimSort.Value, descending: true),
            Shape("all, value asc, p500", page: 500, sort: ClaimSort.Value),
            Shape("all, anchor desc, p1", sort: ClaimSort.AnchorDate, descending: true),
            Shape("all, anchor asc, p1, 500", pageSize: 500, sort: ClaimSort.AnchorDate),
            Shape("status Claimable, window asc, p1", status: "Claimable"),
            Shape("status Expired, value desc, p1", status: "Expired", sort: ClaimSort.Value, descending: true),
            Shape("status Expired, window asc, p200", page: 200, status: "Expired"),
            Shape("status Filed, anchor desc, p1", status: "Filed", sort: ClaimSort.AnchorDate, descending: true),
            Shape("type WarehouseDamaged, window asc, p1", type: "WarehouseDamaged"),
            Shape("type WarehouseDamaged, value desc, p1, 500", pageSize: 500, type: "WarehouseDamaged", sort: ClaimSort.Value, descending: true),
            Shape("dueSoon, window asc, p1", dueSoon: true),
            Shape("dueSoon, value desc, p1", dueSoon: true, sort: ClaimSort.Value, descending: true),
            Shape("anchor last 90 days, anchor desc, p1", anchorDays: 90, sort: ClaimSort.AnchorDate, descending: true),
            Shape("anchor last 90 days, window asc, p5", page: 5, anchorDays: 90),
            Shape("Expired + WarehouseLost + anchor 365 d, value desc, p1", status: "Expired", type: "WarehouseLost", anchorDays: 365, sort: ClaimSort.Value, descending: true),
            Shape("q FNSKU, window asc, p1", q: LargeClaimSet.FnskuOf(1_234)),
            Shape("q FNSKU + Expired, value desc, p1", status: "Expired", q: LargeClaimSet.FnskuOf(1_234), sort: ClaimSort.Value, descending: true),
            Shape("q order fragment, window asc, p1", q: orderFragment),
            Shape("q case id, window asc, p1", q: caseId),
            Shape("q 'sku-1' (many match), anchor desc, p1", q: "sku-1", sort: ClaimSort.AnchorDate, descending: true),
            Shape("q no match, window asc, p1", q: "no-such-claim"),
            Shape("ops queue, all sellers, p1", sort: ClaimSort.Queue, allSellers: true),
        ];
    }
}
