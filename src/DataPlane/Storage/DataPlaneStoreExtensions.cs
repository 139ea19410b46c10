using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Storage;

/// <summary>The replaces for rows already in memory (a fetched report, a test): one batch of the streamed replace.</summary>
public static class DataPlaneStoreExtensions
{
    /// <inheritdoc cref="IDataPlaneStore.ReplaceLedgerAsync"/>
    public static Task<int> ReplaceLedgerAsync(this IDataPlaneStore store, string sellerId, DateOnly firstDay, DateOnly lastDay, IReadOnlyList<LedgerEvent> rows, CancellationToken cancellationToken) =>
        Store(store).ReplaceLedgerAsync(sellerId, firstDay, lastDay, One(rows), cancellationToken);

    /// <inheritdoc cref="IDataPlaneStore.ReplaceReimbursementsAsync"/>
    public static Task<int> ReplaceReimbursementsAsync(this IDataPlaneStore store, string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IReadOnlyList<ReimbursementRow> rows, CancellationToken cancellationToken) =>
        Store(store).ReplaceReimbursementsAsync(sellerId, rangeStart, rangeEnd, One(rows), cancellationToken);

    /// <inheritdoc cref="IDataPlaneStore.ReplaceCustomerReturnsAsync"/>
    public static Task<int> ReplaceCustomerReturnsAsync(this IDataPlaneStore store, string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IReadOnlyList<CustomerReturnRow> rows, CancellationToken cancellationToken) =>
        Store(store).ReplaceCustomerReturnsAsync(sellerId, rangeStart, rangeEnd, One(rows), cancellationToken);

    /// <inheritdoc cref="IDataPlaneStore.ReplaceRemovalOrdersAsync"/>
    public static Task<int> ReplaceRemovalOrdersAsync(this IDataPlaneStore store, string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IReadOnlyList<RemovalOrderRow> rows, CancellationToken cancellationToken) =>
        Store(store).ReplaceRemovalOrdersAsync(sellerId, rangeStart, rangeEnd, One(rows), cancellationToken);

    /// <inheritdoc cref="IDataPlaneStore.ReplaceCostCatalogAsync"/>
    public static Task<int> ReplaceCostCatalogAsync(this IDataPlaneStore store, string sellerId, IReadOnlyList<CostCatalogEntry> rows, CancellationToken cancellationToken) =>
        Store(store).ReplaceCostCatalogAsync(sellerId, One(rows), cancellationToken);

    private static IDataPlaneStore Store(IDataPlaneStore store) => store ?? throw new ArgumentNullException(nameof(store));

    private static IAsyncEnumerable<IReadOnlyList<T>> One<T>(IReadOnlyList<T> rows) =>
        new[] { rows ?? throw new ArgumentNullException(nameof(rows)) }.ToAsyncEnumerable();
}
