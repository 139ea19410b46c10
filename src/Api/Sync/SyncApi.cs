using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Sellers;
using Opside.Grains.Pipeline;
using Opside.Grains.Sellers;
using Opside.Grains.Sync;

namespace Opside.Api.Sync;

/// <summary>Starting a sync of the seller's Amazon data and following it.</summary>
public static class SyncApi
{
    public static RouteGroupBuilder MapSyncApi(this RouteGroupBuilder seller)
    {
        seller.MapPost("/sync", StartAsync).WithTags("Sync")
            .WithSummary("Starts a sync now; while one runs, queues one more (repeated requests coalesce).");
        seller.MapGet("/sync", GetAsync).WithTags("Sync")
            .WithSummary("The sync's state, its times and last error, each source's progress, and the seller's pipeline (running, queued, detection pending).");
        return seller;
    }

    private static async Task<Results<Accepted<SyncStarted>, ProblemHttpResult>> StartAsync(string sellerId, IGrainFactory grains)
    {
        var seller = grains.GetGrain<ISellerGrain>(sellerId);
        if (await seller.GetProfileAsync() is null)
            return SellersApi.NotFound();
        // Without a connection the pipeline refuses with NotConnectedException, which the exception handler answers 422.
        var state = await grains.GetGrain<ISellerPipelineGrain>(sellerId).StartSyncAsync();
        return TypedResults.Accepted($"/api/sellers/{sellerId}/sync", new SyncStarted(state));
    }

    private static async Task<Results<Ok<SyncStatus>, ProblemHttpResult>> GetAsync(string sellerId, IGrainFactory grains) =>
        await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null
            ? SellersApi.NotFound()
            : TypedResults.Ok(await grains.GetGrain<ISellerPipelineGrain>(sellerId).GetSyncStatusAsync());
}

public sealed record SyncStarted(SyncState State);
