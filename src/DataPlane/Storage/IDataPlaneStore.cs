using Opside.DataPlane.Claims;
using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Storage;

/// <summary>
/// A seller's copy of its Amazon data, one table per source, in the cluster's database (SQLite on one machine,
/// PostgreSQL in a cluster). Writes are idempotent: a fetched range replaces what the seller had in that range,
/// in one transaction, so re-fetching an overlap never duplicates a row and never loses an identical one.
/// </summary>
public interface IDataPlaneStore
{
    /// <summary>
    /// Replaces the seller's ledger rows whose <c>Date</c> is in [<paramref name="firstDay"/>, <paramref name="lastDay"/>] (inclusive days)
    /// with the rows of <paramref name="batches"/>, read one batch at a time inside the one transaction (a file's rows need not fit in memory).
    /// </summary>
    Task<int> ReplaceLedgerAsync(string sellerId, DateOnly firstDay, DateOnly lastDay, IAsyncEnumerable<IReadOnlyList<LedgerEvent>> batches, CancellationToken cancellationToken);

    /// <summary>Replaces reimbursements approved in [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>), streamed as for the ledger.</summary>
    Task<int> ReplaceReimbursementsAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<ReimbursementRow>> batches, CancellationToken cancellationToken);

    /// <summary>Replaces customer returns with a return date in [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>), streamed as for the ledger.</summary>
    Task<int> ReplaceCustomerReturnsAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<CustomerReturnRow>> batches, CancellationToken cancellationToken);

    /// <summary>Replaces removal order lines requested in [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>), streamed as for the ledger.</summary>
    Task<int> ReplaceRemovalOrdersAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<RemovalOrderRow>> batches, CancellationToken cancellationToken);

    /// <summary>Replaces refund items posted in [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>).</summary>
    Task<int> ReplaceRefundsAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IReadOnlyList<RefundItem> rows, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the shipments by id and replaces all items of each shipment given.</summary>
    Task<int> UpsertInboundShipmentsAsync(string sellerId, IReadOnlyList<InboundShipment> shipments, IReadOnlyList<InboundShipmentItem> items, CancellationToken cancellationToken);

    /// <summary>Replaces the seller's whole cost catalog (a PUT of the catalog), streamed as for the ledger.</summary>
    Task<int> ReplaceCostCatalogAsync(string sellerId, IAsyncEnumerable<IReadOnlyList<CostCatalogEntry>> batches, CancellationToken cancellationToken);

    /// <summary>Keeps a fetched document (already compressed) with what was asked for, for audit.</summary>
    Task ArchiveDocumentAsync(string sellerId, ArchivedDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps one piece (<paramref name="sequence"/> from 0) of an uploaded document as it was sent, until the seller's
    /// pipeline has ingested it; storing the same piece again keeps the first copy (a retried call).
    /// </summary>
    Task StageUploadChunkAsync(string sellerId, string uploadId, int sequence, byte[] content, CancellationToken cancellationToken);

    /// <summary>A staged piece of an upload, or null when there is none with that sequence.</summary>
    Task<byte[]?> ReadUploadChunkAsync(string sellerId, string uploadId, int sequence, CancellationToken cancellationToken);

    /// <summary>Removes every staged piece of an upload.</summary>
    Task DeleteUploadChunksAsync(string sellerId, string uploadId, CancellationToken cancellationToken);

    /// <summary>How many rows the seller has per source (inbound counts shipment items).</summary>
    Task<IReadOnlyDictionary<DataSource, long>> CountAsync(string sellerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<LedgerEvent>> ReadLedgerAsync(string sellerId, CancellationToken cancellationToken);

    /// <summary>
    /// The seller's ledger rows of the given event types only, in the order of <see cref="ReadLedgerAsync"/>: what
    /// detection reads, without the customer shipments that are most of a ledger.
    /// </summary>
    Task<IReadOnlyList<LedgerEvent>> ReadLedgerEventsAsync(string sellerId, IReadOnlyCollection<string> eventTypes, CancellationToken cancellationToken);

    /// <summary>Each MSKU of the seller's ledger and the FNSKU of its first row (by date, then as stored), of any event type.</summary>
    Task<IReadOnlyDictionary<string, string>> ReadLedgerFnskuByMskuAsync(string sellerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReimbursementRow>> ReadReimbursementsAsync(string sellerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CustomerReturnRow>> ReadCustomerReturnsAsync(string sellerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RemovalOrderRow>> ReadRemovalOrdersAsync(string sellerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<InboundShipment>> ReadInboundShipmentsAsync(string sellerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<InboundShipmentItem>> ReadInboundShipmentItemsAsync(string sellerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RefundItem>> ReadRefundsAsync(string sellerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CostCatalogEntry>> ReadCostCatalogAsync(string sellerId, CancellationToken cancellationToken);

    /// <summary>The archived documents' metadata, newest first (without their content).</summary>
    Task<IReadOnlyList<ArchivedDocumentInfo>> ListArchivedDocumentsAsync(string sellerId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores each claim unless the stored one has the same or a newer version, all in one transaction; answers how
    /// many were applied. Of several versions of one claim in <paramref name="claims"/>, the newest counts.
    /// </summary>
    Task<int> UpsertClaimsAsync(IReadOnlyList<ClaimRecord> claims, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="UpsertClaimsAsync"/>, except that a stored claim of the same version is written over too (the
    /// rebuild from the grains: their state is the truth, a newer stored version is still kept).
    /// </summary>
    Task<int> RewriteClaimsAsync(IReadOnlyList<ClaimRecord> claims, CancellationToken cancellationToken);

    /// <summary>The claims the query selects, in its order (stable across pages); pages count from 1.</summary>
    Task<ClaimRecordPage> QueryClaimsAsync(ClaimQuery query, CancellationToken cancellationToken);

    Task<ClaimRecord?> GetClaimAsync(string sellerId, string claimId, CancellationToken cancellationToken);

    /// <summary>The seller's claims filed under any of <paramref name="caseIds"/> (reconciliation's lookup).</summary>
    Task<IReadOnlyList<ClaimRecord>> FindClaimsByCaseAsync(string sellerId, IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken);

    /// <summary>
    /// The seller's claims counted and summed by status, type and currency; due soon are the Claimable ones closing from
    /// <paramref name="dueFrom"/> to <paramref name="dueUntil"/>.
    /// </summary>
    Task<IReadOnlyList<ClaimTally>> TallyClaimsAsync(string sellerId, DateOnly dueFrom, DateOnly dueUntil, CancellationToken cancellationToken);

    /// <summary>Every claim id the read model holds for the seller, in id order (the rebuild's check for strays).</summary>
    Task<IReadOnlyList<string>> ListClaimIdsAsync(string sellerId, CancellationToken cancellationToken);

    /// <summary>Removes the seller's claims of these ids from the read model (the rebuild drops rows no grain holds).</summary>
    Task<int> DeleteClaimsAsync(string sellerId, IReadOnlyCollection<string> claimIds, CancellationToken cancellationToken);
}
