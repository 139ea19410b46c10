using Opside.Scoring.Storage;

namespace Opside.Storage.Models;

/// <summary>The argument checks both model stores share.</summary>
internal static class ModelStoreChecks
{
    public static readonly string[] Kinds = ["promoted", "rollback"];

    public static void RequireModel(StoredModel model, byte[] package)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(package);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.Version);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.MetadataJson);
        if (package.Length == 0)
            throw new ArgumentException("A model's package is empty.", nameof(package));
    }

    public static void RequirePromotion(string version, string by, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A promotion is 'promoted' or 'rollback'.");
    }
}
