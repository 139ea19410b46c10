using System.Text;

namespace Opside.Grains.Amazon.SpApi;

/// <summary>
/// Whom an SP-API call acts for: the seller, its region's endpoint and marketplaces, and its refresh token
/// (decrypted, in memory only, for the access-token cache). The token is left out of ToString, so the record
/// can be logged or shown in an exception without leaking it.
/// </summary>
public sealed record SpApiConnection(string SellerId, string Region, Uri Endpoint, IReadOnlyList<string> MarketplaceIds, string RefreshToken)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"SellerId = {SellerId}, Region = {Region}, Endpoint = {Endpoint}, MarketplaceIds = [{string.Join(", ", MarketplaceIds)}]");
        return true;
    }
}
