using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Rows;
using Opside.Grains.Amazon;
using Opside.Grains.Amazon.SpApi;

namespace Opside.Grains.Sync;

/// <summary>
/// Inbound shipments updated since the last sync (less the overlap), per marketplace, with their items: a
/// shipment is upserted by id with all its items, so fetching it again replaces rather than adds.
/// </summary>
internal sealed class InboundFetcher : SourceFetcher
{
    public override DataSource Source => DataSource.InboundShipments;

    public override async Task<SourceOutcome> FetchAsync(SyncContext context, SourceProgress progress, CancellationToken cancellationToken)
    {
        var inbound = context.Services.GetRequiredService<FulfillmentInboundClient>();
        var after = context.StartFor(progress, wholeHistory: false);
        var archive = ApiPageArchive.For(context, SpApiOperation.GetShipments.Name, cancellationToken);
        var itemsArchive = ApiPageArchive.For(context, SpApiOperation.GetShipmentItems.Name, cancellationToken);
        long written = 0;
        foreach (var marketplaceId in context.Connection.MarketplaceIds)
        {
            var shipments = await inbound.GetShipmentsAsync(context.Connection, marketplaceId, after, context.Now, archive, cancellationToken);
            var items = new List<InboundShipmentItem>();
            foreach (var shipment in shipments)
                items.AddRange(await inbound.GetShipmentItemsAsync(context.Connection, marketplaceId, shipment.ShipmentId, itemsArchive, cancellationToken));
            written += await context.Store.UpsertInboundShipmentsAsync(context.SellerId, shipments, items, cancellationToken);
        }

        return new SourceOutcome(written, context.Now);
    }
}
