using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
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

    private static string? Text(JsonElement c, string name) => c.GetProperty(name).GetString();

    private static DateOnly Day(JsonElement c, string name) =>
        DateOnly.ParseExact(c.GetProperty(name).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
