namespace Opside.Grains.Amazon;

/// <summary>
/// The marketplaces Amazon serves from each SP-API region (docs/architecture.md, "The Amazon connection"): a
/// connection names marketplaces of its own region only.
/// </summary>
public static class AmazonMarketplaces
{
    private static readonly Dictionary<string, IReadOnlySet<string>> ByRegion = new(StringComparer.OrdinalIgnoreCase)
    {
        // US, CA, MX, BR.
        ["NA"] = new HashSet<string>(StringComparer.Ordinal) { "ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8", "A2Q3Y263D00KWC" },
        // UK, DE, FR, IT, ES, NL, SE, PL, BE, IE, TR, EG, AE, SA, ZA, IN.
        ["EU"] = new HashSet<string>(StringComparer.Ordinal)
        {
            "A1F83G8C2ARO7P", "A1PA6795UKMFR9", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS", "A1805IZSGTT6HS",
            "A2NODRKZP88ZB9", "A1C3SOZRARQ6R3", "AMEN7PMS3EDWL", "A28R8C7NBKEWEA", "A33AVAJ2PDY3EV", "ARBP9OOSHTCHU",
            "A2VIGQ35RCS4UG", "A17E79C6D8DWNP", "AE08WJ6YKNBMC", "A21TJRUUN4KGV",
        },
        // JP, AU, SG.
        ["FE"] = new HashSet<string>(StringComparer.Ordinal) { "A1VC38T7YXB528", "A39IBJ37TRP1C6", "A19VAU5U5O7RUS" },
    };

    private static readonly Dictionary<string, string> Countries = new(StringComparer.Ordinal)
    {
        ["ATVPDKIKX0DER"] = "US", ["A2EUQ1WTGCTBG2"] = "CA", ["A1AM78C64UM0Y8"] = "MX", ["A2Q3Y263D00KWC"] = "BR",
        ["A1F83G8C2ARO7P"] = "GB", ["A1PA6795UKMFR9"] = "DE", ["A13V1IB3VIYZZH"] = "FR", ["APJ6JRA9NG5V4"] = "IT",
        ["A1RKKUPIHCS9HS"] = "ES", ["A1805IZSGTT6HS"] = "NL", ["A2NODRKZP88ZB9"] = "SE", ["A1C3SOZRARQ6R3"] = "PL",
        ["AMEN7PMS3EDWL"] = "BE", ["A28R8C7NBKEWEA"] = "IE", ["A33AVAJ2PDY3EV"] = "TR", ["ARBP9OOSHTCHU"] = "EG",
        ["A2VIGQ35RCS4UG"] = "AE", ["A17E79C6D8DWNP"] = "SA", ["AE08WJ6YKNBMC"] = "ZA", ["A21TJRUUN4KGV"] = "IN",
        ["A1VC38T7YXB528"] = "JP", ["A39IBJ37TRP1C6"] = "AU", ["A19VAU5U5O7RUS"] = "SG",
    };

    /// <summary>The marketplace's country (ISO 3166 alpha-2, as the ledger's Country column prints it); null for an unknown id.</summary>
    public static string? CountryOf(string? marketplaceId) =>
        marketplaceId is not null && Countries.TryGetValue(marketplaceId, out var country) ? country : null;

    /// <summary>The most marketplaces any one region has, the most a connection can name.</summary>
    public static int MostInAnyRegion { get; } = ByRegion.Values.Max(ids => ids.Count);

    /// <summary>The region's marketplace ids; empty for a region Amazon does not have.</summary>
    public static IReadOnlySet<string> Of(string region) =>
        ByRegion.TryGetValue(region, out var ids) ? ids : new HashSet<string>();

    /// <summary>The region that serves <paramref name="marketplaceId"/>, or null for an id Amazon does not have.</summary>
    public static string? RegionOf(string marketplaceId) =>
        ByRegion.FirstOrDefault(r => r.Value.Contains(marketplaceId)).Key;
}
