using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Opside.Sandbox.Synthetic;

namespace Opside.Api.Tests.Claims;

/// <summary>Reading a seller's claims through the API and describing them and the Sandbox's labels alike.</summary>
internal static class ClaimSteps
{
    public static async Task<List<JsonElement>> AllClaimsAsync(HttpClient seller, string sellerId)
    {
        var claims = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/claims?page={page}&pageSize=20", TestContext.Current.CancellationToken);
            var items = answer.GetProperty("items").EnumerateArray().ToList();
            claims.AddRange(items);
            if (items.Count == 0 || claims.Count >= answer.GetProperty("total").GetInt64())
                return claims;
        }
    }

    /// <summary>The Sandbox's labels of a seller: planted claims, decoys and shipments that need review.</summary>
    public static async Task<SellerLabels> LabelsAsync(Uri sandbox, string sellingPartnerId)
    {
        using var http = new HttpClient { BaseAddress = sandbox };
        var labels = await http.GetFromJsonAsync<SellerLabels>($"/sandbox/sellers/{sellingPartnerId}/labels",
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } }, TestContext.Current.CancellationToken);
        return labels!;
    }

    /// <summary>
    /// The claims are exactly the labels, compared by <see cref="Describe(ExpectedClaim)"/>. On a mismatch the message
    /// names each label not found and each claim not labelled, so that a seed's discrepancy reads off the test output.
    /// </summary>
    public static void AssertExactly(IEnumerable<ExpectedClaim> labels, IEnumerable<JsonElement> claims)
    {
        var expected = labels.Select(Describe).Order(StringComparer.Ordinal).ToList();
        var found = claims.Select(Describe).Order(StringComparer.Ordinal).ToList();
        var missing = Without(expected, found);
        var unexpected = Without(found, expected);
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"{missing.Count} labelled claim(s) not found:\n  {string.Join("\n  ", missing)}\n{unexpected.Count} claim(s) not labelled:\n  {string.Join("\n  ", unexpected)}");
    }

    /// <summary>
    /// No claim is on a decoy's key (the claim type's key of docs/claim-rules.md: FNSKU for the ledger types, order id + SKU
    /// for the return types, shipment, removal order or reimbursement id + FNSKU for the others).
    /// </summary>
    public static void AssertNoDecoyClaimed(IEnumerable<DecoyLabel> decoys, IEnumerable<JsonElement> claims)
    {
        var keys = claims.Select(c => Key(Text(c, "type")!, Text(c, "fnsku")!, Text(c, "sku")!, Text(c, "orderId"), Text(c, "shipmentId"),
            Text(c, "removalOrderId"), Text(c, "reimbursementId"))).ToHashSet(StringComparer.Ordinal);
        var claimed = decoys
            .Where(d => keys.Contains(Key(d.Type.ToString(), d.Fnsku, d.Sku, d.OrderId, d.ShipmentId, d.RemovalOrderId, d.ReimbursementId)))
            .Select(d => $"{d.Type} {d.Fnsku} {d.Sku} {d.OrderId ?? d.ShipmentId ?? d.RemovalOrderId ?? d.ReimbursementId ?? "-"}: {d.Why}")
            .ToList();
        Assert.True(claimed.Count == 0, $"{claimed.Count} decoy(s) claimed:\n  {string.Join("\n  ", claimed)}");
    }

    /// <summary>
    /// <see cref="Describe(JsonElement)"/> leaves out a CustomerReturnNotReceived claim's FNSKU, which a refund does
    /// not name; where the product filled it in from another report it must be the label's.
    /// </summary>
    public static void AssertReturnFnskus(IEnumerable<ExpectedClaim> labels, IEnumerable<JsonElement> claims)
    {
        foreach (var claim in claims.Where(c => Text(c, "type") == nameof(ClaimType.CustomerReturnNotReceived) && Text(c, "fnsku") is { Length: > 0 }))
        {
            var label = labels.Single(l => l.Type == ClaimType.CustomerReturnNotReceived && l.OrderId == Text(claim, "orderId") && l.Sku == Text(claim, "sku"));
            Assert.Equal(label.Fnsku, Text(claim, "fnsku"));
        }
    }

    /// <summary>Every claim id once.</summary>
    public static void AssertDistinctIds(IReadOnlyCollection<JsonElement> claims)
    {
        var repeated = claims.GroupBy(c => Text(c, "id"), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"Claim ids listed more than once: {string.Join(", ", repeated)}");
    }

    /// <summary>
    /// Type, keys, anchor, window, units, value and status. A refund names only the SKU, so the FNSKU of a
    /// CustomerReturnNotReceived claim is left out (its key is order id + SKU).
    /// </summary>
    public static string Describe(ExpectedClaim c) =>
        Line(c.Type.ToString(), c.Fnsku, c.Sku, c.OrderId, c.ShipmentId, c.RemovalOrderId, c.ReimbursementId, c.AnchorDate, c.WindowOpens, c.WindowCloses,
            c.Units, c.EstimatedValue is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.Amount:0.00} {v.Currency}") : "unknown", c.Status.ToString());

    public static string Describe(JsonElement c)
    {
        var value = c.GetProperty("estimatedValue");
        return Line(Text(c, "type")!, Text(c, "fnsku")!, Text(c, "sku")!, Text(c, "orderId"), Text(c, "shipmentId"), Text(c, "removalOrderId"), Text(c, "reimbursementId"),
            Day(c, "anchorDate"), Day(c, "windowOpens"), Day(c, "windowCloses"), c.GetProperty("units").GetInt32(),
            value.ValueKind == JsonValueKind.Null ? "unknown"
                : string.Create(CultureInfo.InvariantCulture, $"{value.GetProperty("amount").GetDecimal():0.00} {value.GetProperty("currency").GetString()}"),
            Text(c, "status")!);
    }

    private static string Line(string type, string fnsku, string sku, string? order, string? shipment, string? removal, string? reimbursement,
        DateOnly anchor, DateOnly opens, DateOnly closes, int units, string value, string status) =>
        string.Join(' ', type, type == nameof(ClaimType.CustomerReturnNotReceived) ? "(fnsku)" : fnsku, sku, order ?? "-", shipment ?? "-", removal ?? "-", reimbursement ?? "-",
            anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), units, value, status);

    private static string Key(string type, string fnsku, string sku, string? order, string? shipment, string? removal, string? reimbursement) =>
        type switch
        {
            nameof(ClaimType.CustomerReturnNotReceived) or nameof(ClaimType.ReturnDamagedInTransit) => $"{type} {order} {sku}",
            nameof(ClaimType.InboundShortage) => $"{type} {shipment} {fnsku}",
            nameof(ClaimType.RemovalShortfall) => $"{type} {removal} {fnsku}",
            nameof(ClaimType.UnderpaidReimbursement) => $"{type} {reimbursement} {fnsku}",
            _ => $"{type} {fnsku}",
        };

    /// <summary><paramref name="all"/> less one occurrence of each of <paramref name="some"/> (a multiset difference).</summary>
    private static List<string> Without(List<string> all, List<string> some)
    {
        var left = some.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rest = new List<string>();
        foreach (var item in all)
        {
            if (left.TryGetValue(item, out var n) && n > 0)
                left[item] = n - 1;
            else
                rest.Add(item);
        }

        return rest;
    }

    private static string? Text(JsonElement c, string name) => c.GetProperty(name).GetString();

    private static DateOnly Day(JsonElement c, string name) =>
        DateOnly.ParseExact(c.GetProperty(name).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
