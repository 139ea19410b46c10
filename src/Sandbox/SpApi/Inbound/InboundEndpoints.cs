using System.Globalization;
using Microsoft.Extensions.Options;
using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox.SpApi.Inbound;

/// <summary>Fulfillment Inbound v0: getShipments (SHIPMENT, DATE_RANGE, NEXT_TOKEN) and getShipmentItemsByShipmentId, in small pages.</summary>
public static class InboundEndpoints
{
    public static IEndpointRouteBuilder MapInbound(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/fba/inbound/v0/shipments", Shipments).WithMetadata(SpApiOperation.GetShipments);
        endpoints.MapGet("/fba/inbound/v0/shipments/{shipmentId}/items", Items).WithMetadata(SpApiOperation.GetShipmentItems);
        return endpoints;
    }

    private static IResult Shipments(HttpContext context, SellerRegistry sellers, IOptions<SandboxOptions> options)
    {
        var query = context.Request.Query;
        var partner = SpApiGate.PartnerOf(context);
        if (string.IsNullOrEmpty(query["MarketplaceId"]))
            return SpApiErrors.InvalidInput("MarketplaceId is required.");
        ShipmentsPage? page;
        switch (query["QueryType"].ToString())
        {
            case "NEXT_TOKEN":
                page = PageToken.Decode<ShipmentsPage>(query["NextToken"].ToString());
                if (page is null || page.Partner != partner)
                    return SpApiErrors.InvalidInput("Invalid NextToken.");
                break;
            case "SHIPMENT":
                var ids = Split(query["ShipmentIdList"]);
                if (ids.Length == 0)
                    return SpApiErrors.InvalidInput("ShipmentIdList is required when QueryType is SHIPMENT.");
                page = new ShipmentsPage(partner, ids, Split(query["ShipmentStatusList"]), null, null, 0);
                break;
            case "DATE_RANGE":
                if (!DateTimeOffset.TryParse(query["LastUpdatedAfter"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var after)
                    || !DateTimeOffset.TryParse(query["LastUpdatedBefore"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var before))
                    return SpApiErrors.InvalidInput("LastUpdatedAfter and LastUpdatedBefore are required when QueryType is DATE_RANGE.");
                page = new ShipmentsPage(partner, [], Split(query["ShipmentStatusList"]), after, before, 0);
                break;
            default:
                return SpApiErrors.InvalidInput("QueryType must be SHIPMENT, DATE_RANGE or NEXT_TOKEN.");
        }

        var matching = sellers.Get(partner).Shipments
            .Where(s => page.ShipmentIds.Length == 0 || page.ShipmentIds.Contains(s.ShipmentId))
            .Where(s => page.Statuses.Length == 0 || page.Statuses.Contains(s.Status))
            .Where(s => page.After is null || (s.LastUpdated >= page.After && s.LastUpdated <= page.Before))
            .ToList();
        var size = options.Value.InboundPageSize;
        var shipments = matching.Skip(page.Offset).Take(size).Select(s => new
        {
            s.ShipmentId,
            s.ShipmentName,
            ShipFromAddress = new { Name = "Opside Demo Warehouse", AddressLine1 = "501 Fairview Ave N", City = "Seattle", StateOrProvinceCode = "WA", CountryCode = "US", PostalCode = "98109" },
            s.DestinationFulfillmentCenterId,
            ShipmentStatus = s.Status,
            LabelPrepType = "SELLER_LABEL",
            BoxContentsSource = "INTERACTIVE",
        }).ToList();
        var next = page.Offset + size < matching.Count ? PageToken.Encode(page with { Offset = page.Offset + size }) : null;
        return SpApiJson.Payload(new { ShipmentData = shipments, NextToken = next });
    }

    private static IResult Items(string shipmentId, HttpContext context, SellerRegistry sellers, IOptions<SandboxOptions> options)
    {
        var partner = SpApiGate.PartnerOf(context);
        var query = context.Request.Query;
        if (string.IsNullOrEmpty(query["MarketplaceId"]))
            return SpApiErrors.InvalidInput("MarketplaceId is required.");
        var shipment = sellers.Get(partner).Shipments.FirstOrDefault(s => s.ShipmentId == shipmentId);
        if (shipment is null)
            return SpApiErrors.InvalidInput($"Shipment {shipmentId} was not found.");
        var offset = 0;
        if (query.TryGetValue("NextToken", out var token))
        {
            var page = PageToken.Decode<ItemsPage>(token.ToString());
            if (page is null || page.Partner != partner || page.ShipmentId != shipmentId)
                return SpApiErrors.InvalidInput("Invalid NextToken.");
            offset = page.Offset;
        }

        var size = options.Value.InboundPageSize;
        var items = shipment.Items.Skip(offset).Take(size).Select(i => new
        {
            shipment.ShipmentId,
            SellerSKU = i.Item.Sku,
            FulfillmentNetworkSKU = i.Item.Fnsku,
            i.QuantityShipped,
            i.QuantityReceived,
            i.QuantityInCase,
            PrepDetailsList = new[] { new { PrepInstruction = "Labeling", PrepOwner = "SELLER" } },
        }).ToList();
        var next = offset + size < shipment.Items.Count ? PageToken.Encode(new ItemsPage(partner, shipmentId, offset + size)) : null;
        return SpApiJson.Payload(new { ItemData = items, NextToken = next });
    }

    private static string[] Split(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private sealed record ShipmentsPage(string Partner, string[] ShipmentIds, string[] Statuses, DateTimeOffset? After, DateTimeOffset? Before, int Offset);

    private sealed record ItemsPage(string Partner, string ShipmentId, int Offset);
}
