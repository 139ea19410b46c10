using System.Diagnostics;
using Opside.DataPlane.Storage;
using Opside.Detection;

namespace Opside.Grains.Claims;

[GrainType("seller-claims")]
public sealed class SellerClaimsGrain(
    [PersistentState("claims")] IPersistentState<SellerClaimsState> state,
    IDataPlaneStore store,
    TimeProvider time,
    ILogger<SellerClaimsGrain> logger) : Grain, ISellerClaimsGrain, IRemindable
{
    private const string ReminderName = "reevaluate";
    private const string ResolvedNote = "No longer owed by the latest data: Amazon paid or found the units.";

    // Claim grains are called this many at a time: parallel enough to hide the round trips, bounded for a large seller.
    private const int Batch = 256;

    public async Task<ClaimDetectionSummary> DetectAsync()
    {
        var sellerId = this.GetPrimaryKeyString();
        var now = time.GetUtcNow();
        var asOf = DateOnly.FromDateTime(now.UtcDateTime);
        var started = Stopwatch.GetTimestamp();
        // Off the grain's scheduler too, so the reads' row materialisation runs side by side on the thread pool.
        var data = await Task.Run(() => LoadAsync(sellerId));
        var loaded = Stopwatch.GetTimestamp();
        // The US policy and default settings: the seller profile carries no marketplace or H/K/U opt-in yet.
        // Seconds of CPU for a large seller: on the thread pool, not the silo's scheduler, which other grains share.
        var result = await Task.Run(() => ClaimDetector.Detect(sellerId, data, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, asOf));
        var evaluated = Stopwatch.GetTimestamp();

        await ForEachBatchAsync(result.Claims, c => GrainFactory.GetGrain<IClaimGrain>(c.ClaimId).UpsertAsync(ClaimFactsMapping.ToFacts(sellerId, c), asOf, now));

        var found = result.Claims.Select(c => c.ClaimId).ToHashSet(StringComparer.Ordinal);
        var gone = state.State.OpenClaimIds.Where(id => !found.Contains(id)).ToList();
        await ForEachBatchAsync(gone, id => GrainFactory.GetGrain<IClaimGrain>(id).ResolveAsync(now, ResolvedNote));

        state.State.OpenClaimIds = [.. found.Order(StringComparer.Ordinal)];
        state.State.LastDetectedAt = now;
        await state.WriteStateAsync();
        if (await this.GetReminder(ReminderName) is null)
            await this.RegisterOrUpdateReminder(ReminderName, UntilNextUtcDay(now), TimeSpan.FromDays(1));

        logger.LogInformation("Detection for seller {SellerId} as of {AsOf}: {Claims} claims, {Resolved} resolved, {NeedsReview} shipments need review; " +
            "load {LoadMs:0} ms, evaluate {EvaluateMs:0} ms, upsert {UpsertMs:0} ms",
            sellerId, asOf, result.Claims.Count, gone.Count, result.NeedsReview.Count,
            Stopwatch.GetElapsedTime(started, loaded).TotalMilliseconds, Stopwatch.GetElapsedTime(loaded, evaluated).TotalMilliseconds,
            Stopwatch.GetElapsedTime(evaluated).TotalMilliseconds);
        return new ClaimDetectionSummary(asOf, result.Claims.Count, gone.Count, result.NeedsReview.Count);
    }

    /// <summary>Daily: moves the open claims' statuses with the calendar, without new data.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
            return;
        var now = time.GetUtcNow();
        var asOf = DateOnly.FromDateTime(now.UtcDateTime);
        await ForEachBatchAsync(state.State.OpenClaimIds, id => GrainFactory.GetGrain<IClaimGrain>(id).ReevaluateAsync(asOf, now));
    }

    /// <summary>The seller's sources, read side by side (each read is its own connection).</summary>
    private async Task<SellerData> LoadAsync(string sellerId)
    {
        var ct = CancellationToken.None;
        var ledger = store.ReadLedgerAsync(sellerId, ct);
        var reimbursements = store.ReadReimbursementsAsync(sellerId, ct);
        var returns = store.ReadCustomerReturnsAsync(sellerId, ct);
        var removals = store.ReadRemovalOrdersAsync(sellerId, ct);
        var shipments = store.ReadInboundShipmentsAsync(sellerId, ct);
        var items = store.ReadInboundShipmentItemsAsync(sellerId, ct);
        var refunds = store.ReadRefundsAsync(sellerId, ct);
        var costs = store.ReadCostCatalogAsync(sellerId, ct);
        await Task.WhenAll(ledger, reimbursements, returns, removals, shipments, items, refunds, costs);
        return new SellerData(await ledger, await reimbursements, await returns, await removals, await shipments, await items, await refunds, await costs);
    }

    private static async Task ForEachBatchAsync<T, TResult>(IReadOnlyList<T> items, Func<T, Task<TResult>> call)
    {
        for (var i = 0; i < items.Count; i += Batch)
            await Task.WhenAll(items.Skip(i).Take(Batch).Select(call));
    }

    /// <summary>A minute past the next UTC midnight: the first moment of the day a window opens or closes.</summary>
    private static TimeSpan UntilNextUtcDay(DateTimeOffset now)
    {
        var tomorrow = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        return tomorrow - now + TimeSpan.FromMinutes(1);
    }
}
