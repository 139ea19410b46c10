using System.Diagnostics;
using Opside.DataPlane.Claims;
using Opside.DataPlane.Storage;
using Opside.Detection;
using Opside.Grains.Scoring;
using Opside.Grains.Sellers;

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
    private const string OptedOutNote = "No longer claimed: the seller's settings leave out damage codes H, K and U.";

    // Claim grains are called this many at a time: parallel enough to hide the round trips, bounded for a large seller.
    private const int Batch = 256;

    public async Task<ClaimDetectionSummary> DetectAsync()
    {
        var sellerId = this.GetPrimaryKeyString();
        var now = time.GetUtcNow();
        var asOf = DateOnly.FromDateTime(now.UtcDateTime);
        var view = await GrainFactory.GetGrain<ISellerGrain>(sellerId).GetSettingsAsync() ?? new SellerSettingsView(SellerSettings.Default, null);
        var policy = SellerDetection.Policy(view);
        var settings = SellerDetection.Settings(view);
        var started = Stopwatch.GetTimestamp();
        // Off the grain's scheduler too, so the reads' row materialisation runs side by side on the thread pool.
        var loaded = await Task.Run(() => LoadAsync(sellerId, policy.Ledger));
        var withheld = OffsetSources.Missing(loaded);
        // Before detection: a claim the latest rows pay is Reimbursed, not found open again; its rows pay it alone.
        var (attached, reconciled) = await new CaseReconciler(store, GrainFactory).ReconcileAsync(sellerId, loaded.Reimbursements, now);
        var data = attached.Count == 0 ? loaded : loaded with { Reimbursements = [.. loaded.Reimbursements.Where(r => !attached.Contains(r))] };
        var read = Stopwatch.GetTimestamp();
        // Seconds of CPU for a large seller: on the thread pool, not the silo's scheduler, which other grains share.
        var result = await Task.Run(() => ClaimDetector.Detect(sellerId, data, policy, settings, asOf));
        var claims = result.Claims.Where(c => !withheld.Contains(c.Type)).ToList();
        var evaluated = Stopwatch.GetTimestamp();

        var scoring = await SellerScoring.ContextAsync(store, sellerId, view.MarketplaceId, asOf);
        await ForEachBatchAsync(claims, c => GrainFactory.GetGrain<IClaimGrain>(c.ClaimId).UpsertAsync(ClaimFactsMapping.ToFacts(sellerId, c), asOf, now, scoring));

        var found = claims.Select(c => c.ClaimId).ToHashSet(StringComparer.Ordinal);
        var gone = state.State.OpenClaimIds.Where(id => !found.Contains(id)).ToList();
        var optedOut = OptedOut(sellerId, data, policy, settings, asOf, gone);
        await ForEachBatchAsync(gone, id => optedOut.Contains(id)
            ? GrainFactory.GetGrain<IClaimGrain>(id).DismissAsync(now, ClaimGrain.Settings, OptedOutNote)
            : GrainFactory.GetGrain<IClaimGrain>(id).ResolveAsync(now, ResolvedNote));

        state.State.KnownClaimIds = [.. state.State.KnownClaimIds.Concat(state.State.OpenClaimIds).Concat(found).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        state.State.OpenClaimIds = [.. found.Order(StringComparer.Ordinal)];
        state.State.LastDetectedAt = now;
        state.State.ClaimedDamageCodesHku = settings.ClaimDamageCodesHKU;
        await state.WriteStateAsync();
        if (await this.GetReminder(ReminderName) is null)
            await this.RegisterOrUpdateReminder(ReminderName, UntilNextUtcDay(now), TimeSpan.FromDays(1));

        logger.LogInformation("Detection for seller {SellerId} as of {AsOf} ({Policy} policy, H/K/U {ClaimDamageCodesHku}): {Reconciled} filed claims reconciled " +
            "({Attached} reimbursement rows), {Claims} claims, {Resolved} resolved ({OptedOut} by opt-out), {NeedsReview} shipments need review; load {LoadMs:0} ms, evaluate {EvaluateMs:0} ms, upsert {UpsertMs:0} ms",
            sellerId, asOf, policy.Marketplace, settings.ClaimDamageCodesHKU, reconciled, attached.Count, claims.Count, gone.Count, optedOut.Count, result.NeedsReview.Count,
            Stopwatch.GetElapsedTime(started, read).TotalMilliseconds, Stopwatch.GetElapsedTime(read, evaluated).TotalMilliseconds,
            Stopwatch.GetElapsedTime(evaluated).TotalMilliseconds);
        if (withheld.Count > 0)
            logger.LogInformation("Detection for seller {SellerId} withheld {ClaimTypes}: a source that could show them paid or covered holds no rows yet",
                sellerId, string.Join(", ", withheld.Order()));
        return new ClaimDetectionSummary(asOf, claims.Count, gone.Count, result.NeedsReview.Count, [.. withheld.Order().Select(t => t.ToString())], reconciled);
    }

    public async Task<int> ReconcileAsync()
    {
        var sellerId = this.GetPrimaryKeyString();
        var rows = await store.ReadReimbursementsAsync(sellerId, CancellationToken.None);
        var (attached, reconciled) = await new CaseReconciler(store, GrainFactory).ReconcileAsync(sellerId, rows, time.GetUtcNow());
        logger.LogInformation("Reconciliation for seller {SellerId} without detection: {Reconciled} filed claims ({Attached} reimbursement rows)",
            sellerId, reconciled, attached.Count);
        return reconciled;
    }

    public async Task<ClaimReadModelRebuild> RebuildReadModelAsync()
    {
        var sellerId = this.GetPrimaryKeyString();
        var ct = CancellationToken.None;
        var projected = await store.ListClaimIdsAsync(sellerId, ct);
        // The read model's ids too: a claim made before KnownClaimIds was kept is there, and a stray must be looked at.
        var ids = state.State.KnownClaimIds.Concat(state.State.OpenClaimIds).Concat(projected)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var strays = new List<string>();
        var rewritten = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            var snapshots = await Task.WhenAll(chunk.Select(id => GrainFactory.GetGrain<IClaimGrain>(id).GetAsync()));
            var records = new List<ClaimRecord>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (snapshots[i] is { } claim && claim.Facts.SellerId == sellerId)
                    records.Add(ClaimJson.ToRecord(claim));
                else
                    strays.Add(chunk[i]);
            }
            rewritten += await store.RewriteClaimsAsync(records, ct);
        }

        var removed = await store.DeleteClaimsAsync(sellerId, strays, ct);
        logger.LogInformation("Claims read model of seller {SellerId} rebuilt from {Claims} claim grains: {Rewritten} rows written, {Removed} stray rows removed",
            sellerId, ids.Count - strays.Count, rewritten, removed);
        return new ClaimReadModelRebuild(sellerId, ids.Count - strays.Count, rewritten, removed);
    }

    /// <summary>Daily: moves the open claims' statuses with the calendar, without new data, and scores them again.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
            return;
        var now = time.GetUtcNow();
        var asOf = DateOnly.FromDateTime(now.UtcDateTime);
        var sellerId = this.GetPrimaryKeyString();
        var view = await GrainFactory.GetGrain<ISellerGrain>(sellerId).GetSettingsAsync();
        var scoring = await SellerScoring.ContextAsync(store, sellerId, view?.MarketplaceId, asOf);
        await ForEachBatchAsync(state.State.OpenClaimIds, id => GrainFactory.GetGrain<IClaimGrain>(id).ReevaluateAsync(asOf, now, scoring));
    }

    /// <summary>
    /// Of the claims no longer found, those that the seller's H/K/U opt-in alone would still find: withdrawn by the
    /// seller's choice, not paid by Amazon. Only when the last run claimed those codes and this one does not (one more
    /// evaluation on the data already loaded, on that run only).
    /// </summary>
    private HashSet<string> OptedOut(string sellerId, SellerData data, DetectionPolicy policy, SellerDetectionSettings settings, DateOnly asOf, List<string> gone)
    {
        if (gone.Count == 0 || settings.ClaimDamageCodesHKU || !state.State.ClaimedDamageCodesHku)
            return [];
        var withOptIn = ClaimDetector.Detect(sellerId, data, policy, settings with { ClaimDamageCodesHKU = true }, asOf);
        var stillOwed = withOptIn.Claims.Select(c => c.ClaimId).ToHashSet(StringComparer.Ordinal);
        return gone.Where(stillOwed.Contains).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The seller's sources, read side by side (each read is its own connection). Of the ledger, only the rows
    /// detection reads and each MSKU's FNSKU: customer shipments, most of a large seller's ledger, would otherwise be
    /// the largest thing a detection holds (docs/benchmarks.md, "Upload memory").
    /// </summary>
    private async Task<SellerData> LoadAsync(string sellerId, LedgerCodes codes)
    {
        var ct = CancellationToken.None;
        var ledger = store.ReadLedgerEventsAsync(sellerId, codes.EventTypesRead, ct);
        var ledgerFnskus = store.ReadLedgerFnskuByMskuAsync(sellerId, ct);
        var reimbursements = store.ReadReimbursementsAsync(sellerId, ct);
        var returns = store.ReadCustomerReturnsAsync(sellerId, ct);
        var removals = store.ReadRemovalOrdersAsync(sellerId, ct);
        var shipments = store.ReadInboundShipmentsAsync(sellerId, ct);
        var items = store.ReadInboundShipmentItemsAsync(sellerId, ct);
        var refunds = store.ReadRefundsAsync(sellerId, ct);
        var costs = store.ReadCostCatalogAsync(sellerId, ct);
        await Task.WhenAll(ledger, ledgerFnskus, reimbursements, returns, removals, shipments, items, refunds, costs);
        return new SellerData(
            await ledger, await reimbursements, await returns, await removals, await shipments, await items, await refunds, await costs, await ledgerFnskus);
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
