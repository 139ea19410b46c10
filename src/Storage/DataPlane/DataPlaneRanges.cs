using Opside.DataPlane.Rows;

namespace Opside.Storage.DataPlane;

/// <summary>
/// The argument checks both data-plane stores make before they touch the database. A row outside the range it is
/// stored under would survive the next replace of its own range and be doubled by it, so it is a caller's bug.
/// </summary>
internal static class DataPlaneRanges
{
    public static void RequireSeller(string sellerId) => ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);

    /// <summary>
    /// Checks the arguments now (with no rows) and each batch as it streams in: a bad row fails the replace, which
    /// then rolls back whatever it had written.
    /// </summary>
    public static IAsyncEnumerable<IReadOnlyList<T>> Checked<T>(IAsyncEnumerable<IReadOnlyList<T>> batches, Action<IReadOnlyList<T>> check)
    {
        ArgumentNullException.ThrowIfNull(batches);
        check([]);
        return Each(batches, check);
    }

    public static void RequireUploadChunk(string sellerId, string uploadId, int sequence, byte[] content)
    {
        RequireSeller(sellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(uploadId);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentNullException.ThrowIfNull(content);
    }

    /// <summary>Rows already in memory as the one batch of a streamed write.</summary>
    public static IAsyncEnumerable<IReadOnlyList<T>> One<T>(IReadOnlyList<T> rows) => new[] { rows }.ToAsyncEnumerable();

    private static async IAsyncEnumerable<IReadOnlyList<T>> Each<T>(IAsyncEnumerable<IReadOnlyList<T>> batches, Action<IReadOnlyList<T>> check)
    {
        await foreach (var batch in batches.ConfigureAwait(false))
        {
            check(batch);
            yield return batch;
        }
    }

    public static void RequireLedgerRows(string sellerId, DateOnly firstDay, DateOnly lastDay, IReadOnlyList<LedgerEvent> rows)
    {
        RequireSeller(sellerId);
        ArgumentNullException.ThrowIfNull(rows);
        if (firstDay > lastDay)
            throw new ArgumentException($"The ledger range [{firstDay:yyyy-MM-dd}, {lastDay:yyyy-MM-dd}] ends before it starts.", nameof(lastDay));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Ledger row {i} is null.", nameof(rows));
            if (row.Date < firstDay || row.Date > lastDay)
                throw new ArgumentException(
                    $"Ledger row {i} is dated {row.Date:yyyy-MM-dd}, outside the range [{firstDay:yyyy-MM-dd}, {lastDay:yyyy-MM-dd}] it would replace.", nameof(rows));
        }
    }

    /// <summary>Checks that every row's <paramref name="rangeColumn"/> lies in [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>).</summary>
    public static void RequireRows<T>(
        string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IReadOnlyList<T> rows, Func<T, DateTimeOffset> rangeColumn, string columnName)
        where T : class
    {
        RequireSeller(sellerId);
        ArgumentNullException.ThrowIfNull(rows);
        if (rangeStart > rangeEnd)
            throw new ArgumentException($"The range [{rangeStart:O}, {rangeEnd:O}) ends before it starts.", nameof(rangeEnd));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"{typeof(T).Name} {i} is null.", nameof(rows));
            var value = rangeColumn(row);
            if (value < rangeStart || value >= rangeEnd)
                throw new ArgumentException(
                    $"{typeof(T).Name} {i} has {columnName} {value:O}, outside the range [{rangeStart:O}, {rangeEnd:O}) it would replace.", nameof(rows));
        }
    }

    /// <summary>
    /// Shipment ids must be unique, and every item must belong to a shipment given: an item of another shipment
    /// would be added to that shipment's items without replacing them.
    /// </summary>
    public static HashSet<string> RequireInbound(string sellerId, IReadOnlyList<InboundShipment> shipments, IReadOnlyList<InboundShipmentItem> items)
    {
        RequireSeller(sellerId);
        ArgumentNullException.ThrowIfNull(shipments);
        ArgumentNullException.ThrowIfNull(items);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < shipments.Count; i++)
        {
            var shipment = shipments[i] ?? throw new ArgumentException($"Shipment {i} is null.", nameof(shipments));
            if (string.IsNullOrEmpty(shipment.ShipmentId))
                throw new ArgumentException($"Shipment {i} has no shipment id.", nameof(shipments));
            if (!ids.Add(shipment.ShipmentId))
                throw new ArgumentException($"Shipment {shipment.ShipmentId} is given twice.", nameof(shipments));
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentException($"Shipment item {i} is null.", nameof(items));
            if (!ids.Contains(item.ShipmentId))
                throw new ArgumentException($"Shipment item {i} belongs to shipment {item.ShipmentId}, which is not among the shipments given.", nameof(items));
        }

        return ids;
    }
}
