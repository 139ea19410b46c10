using Opside.DataPlane.Storage;
using Opside.DataPlane.Uploads;
using Opside.Grains.Pipeline;
using Opside.Grains.Errors;

namespace Opside.Grains.Uploads;

/// <summary>
/// Tracks one upload from its first piece to its ingest. The pieces go straight to the data plane's staging table
/// (<see cref="IDataPlaneStore.StageUploadChunkAsync"/>); the grain keeps only counts, the first errors and the status.
/// </summary>
[GrainType("upload")]
public sealed class UploadGrain(
    [PersistentState("upload")] IPersistentState<UploadState> state,
    IDataPlaneStore store,
    TimeProvider time) : Grain, IUploadGrain
{
    private string SellerId => Key().SellerId;

    private string UploadId => Key().UploadId;

    public async Task BeginAsync(UploadReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (state.State.Receipt is not null)
            return;
        state.State.Receipt = receipt;
        state.State.Status = UploadStatus.Receiving;
        state.State.ReceivedAt = time.GetUtcNow();
        await state.WriteStateAsync();
    }

    public async Task AppendAsync(int sequence, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        RequireStatus(UploadStatus.Receiving);
        if (sequence < state.State.Chunks)
            return;
        if (sequence != state.State.Chunks)
            throw new StateConflictException($"Upload {UploadId} expects piece {state.State.Chunks}, not {sequence}.");
        await store.StageUploadChunkAsync(SellerId, UploadId, sequence, content, CancellationToken.None);
        state.State.Chunks = sequence + 1;
        await state.WriteStateAsync();
    }

    public async Task<UploadView> StageAsync(UploadCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (state.State.Status != UploadStatus.Receiving)
            return View();
        state.State.Counts = counts;
        // A catalog of only its header empties the catalog; a report without rows has no range to replace.
        var emptyCatalog = state.State.Receipt!.Kind == UploadKinds.CostCatalog && counts.RejectedRows == 0;
        if (counts.Rows == 0 && !emptyCatalog)
        {
            // Nothing to store: the seller's rows stay as they were, and the copy is not worth keeping.
            await store.DeleteUploadChunksAsync(SellerId, UploadId, CancellationToken.None);
            state.State.Status = UploadStatus.Rejected;
            state.State.Reason = counts.RejectedRows == 0 ? "The document holds no rows." : "No row of the document could be read.";
            state.State.CompletedAt = time.GetUtcNow();
            await state.WriteStateAsync();
            return View();
        }

        state.State.Status = UploadStatus.Staged;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISellerPipelineGrain>(SellerId).IngestAsync(UploadId);
        return View();
    }

    public async Task<UploadView> RejectAsync(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        RequireStatus(UploadStatus.Receiving);
        await store.DeleteUploadChunksAsync(SellerId, UploadId, CancellationToken.None);
        state.State.Status = UploadStatus.Rejected;
        state.State.Reason = reason;
        state.State.CompletedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return View();
    }

    public Task<UploadView?> GetAsync() => Task.FromResult(state.State.Receipt is null ? null : View());

    public async Task<StagedUpload?> BeginIngestAsync()
    {
        var s = state.State;
        // Ingesting: a run cut short by a crash, tried again; Failed: a retry the pipeline queued.
        if (s.Receipt is null || s.Counts is null || s.Status is not (UploadStatus.Staged or UploadStatus.Ingesting or UploadStatus.Failed))
            return null;
        if (s.Status != UploadStatus.Ingesting)
        {
            s.Status = UploadStatus.Ingesting;
            await state.WriteStateAsync();
        }
        return new StagedUpload(s.Receipt, s.Chunks, s.Counts.RangeStart, s.Counts.RangeEnd);
    }

    public async Task CompleteAsync(long rowsStored)
    {
        state.State.Status = UploadStatus.Completed;
        state.State.RowsStored = rowsStored;
        state.State.Reason = null;
        state.State.CompletedAt = time.GetUtcNow();
        await state.WriteStateAsync();
    }

    public async Task FailAsync(string reason, bool willRetry)
    {
        state.State.Status = UploadStatus.Failed;
        state.State.Reason = willRetry ? $"{reason} (it will be tried again)" : reason;
        state.State.CompletedAt = willRetry ? null : time.GetUtcNow();
        await state.WriteStateAsync();
    }

    private UploadView View()
    {
        var s = state.State;
        var counts = s.Counts;
        return new UploadView(UploadId, s.Receipt?.Kind ?? "", s.Status, counts?.Rows ?? 0, counts?.RejectedRows ?? 0, counts?.Errors ?? [],
            s.ReceivedAt, s.CompletedAt, s.Reason);
    }

    private void RequireStatus(UploadStatus status)
    {
        if (state.State.Receipt is null)
            throw new ResourceNotFoundException($"Upload {UploadId} was not begun.");
        if (state.State.Status != status)
            throw new StateConflictException($"Upload {UploadId} is {state.State.Status}, not {status}.");
    }

    private (string SellerId, string UploadId) Key()
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}
