using Opside.DataPlane.Payloads;
using Opside.DataPlane.Rows;

namespace Opside.Grains.Amazon.SpApi;

/// <summary>Fulfillment Inbound API v0: shipments updated in a time range, and each shipment's items, page by page.</summary>
public sealed class FulfillmentInboundClient(HttpClient http)
{
    private const string BasePath = "/fba/inbound/v0";

    /// <summary>
    /// The shipments of a marketplace updated in [after, before): a DATE_RANGE query, then NEXT_TOKEN queries until
    /// Amazon sends no token. Every page's raw body is handed to <paramref name="onPage"/> for the archive.
    /// </summary>
    public async Task<IReadOnlyList<InboundShipment>> GetShipmentsAsync(
        SpApiConnection connection, string marketplaceId, DateTimeOffset after, DateTimeOffset before,
        Func<string, byte[], Task> onPage, CancellationToken cancellationToken)
    {
        var shipments = new List<InboundShipment>();
        var query = $"?QueryType=DATE_RANGE&MarketplaceId={Uri.EscapeDataString(marketplaceId)}" +
            $"&LastUpdatedAfter={Uri.EscapeDataString(Iso(after))}&LastUpdatedBefore={Uri.EscapeDataString(Iso(before))}";
        while (true)
        {
            var path = BasePath + "/shipments" + query;
            using var request = SpApiJson.Request(HttpMethod.Get, connection, SpApiOperation.GetShipments, path);
            var body = await SpApiJson.SendAsync(http, request, SpApiOperation.GetShipments.Name, cancellationToken);
            await onPage(path, body);
            var page = InboundShipmentsPayload.Parse(body);
            shipments.AddRange(page.Items);
            if (page.NextToken is null)
                return shipments;
            query = $"?QueryType=NEXT_TOKEN&MarketplaceId={Uri.EscapeDataString(marketplaceId)}&NextToken={Uri.EscapeDataString(page.NextToken)}";
        }
    }

    /// <summary>All items of one shipment, following NextToken.</summary>
    public async Task<IReadOnlyList<InboundShipmentItem>> GetShipmentItemsAsync(
        SpApiConnection connection, string marketplaceId, string shipmentId, Func<string, byte[], Task> onPage, CancellationToken cancellationToken)
    {
        var items = new List<InboundShipmentItem>();
        var query = $"?MarketplaceId={Uri.EscapeDataString(marketplaceId)}";
        while (true)
        {
            var path = $"{BasePath}/shipments/{Uri.EscapeDataString(shipmentId)}/items{query}";
            using var request = SpApiJson.Request(HttpMethod.Get, connection, SpApiOperation.GetShipmentItems, path);
            var body = await SpApiJson.SendAsync(http, request, SpApiOperation.GetShipmentItems.Name, cancellationToken);
            await onPage(path, body);
            var page = InboundShipmentItemsPayload.Parse(body);
            items.AddRange(page.Items);
            if (page.NextToken is null)
                return items;
            query = $"?MarketplaceId={Uri.EscapeDataString(marketplaceId)}&NextToken={Uri.EscapeDataString(page.NextToken)}";
        }
    }

    internal static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
