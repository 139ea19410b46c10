namespace Opside.Scoring.Storage;

/// <summary>
/// Where trained refund models are kept (PostgreSQL migration 0012, SQLite schema 9; docs/model-card.md, "Versions"):
/// each version once, with its package, and the log of promotions, whose newest entry is the model being served.
/// Keeping the log, not a flag, makes a rollback the promotion of the version served before.
/// </summary>
public interface IModelStore
{
    /// <returns>False when the version is already stored: a version is written once and never changed.</returns>
    Task<bool> AddAsync(StoredModel model, byte[] package, CancellationToken cancellationToken);

    /// <summary>Every version, newest trained first, the current one marked.</summary>
    Task<IReadOnlyList<StoredModel>> ListAsync(CancellationToken cancellationToken);

    Task<byte[]?> GetPackageAsync(string version, CancellationToken cancellationToken);

    Task<StoredModel?> GetCurrentAsync(CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="version"/> the one served; false when no such version is stored.</summary>
    Task<bool> PromoteAsync(string version, string by, string kind, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The promotions, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ModelPromotion>> PromotionsAsync(int limit, CancellationToken cancellationToken);
}
