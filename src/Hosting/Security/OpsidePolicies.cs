namespace Opside.Hosting.Security;

/// <summary>Authorization policy and claim names used across the hosts.</summary>
public static class OpsidePolicies
{
    /// <summary>Operations staff: every seller, the dashboard and every <c>/api/ops</c> route.</summary>
    public const string Ops = "Ops";

    public const string RoleClaim = "role";

    /// <summary>The seller a Seller user may reach; absent for Ops.</summary>
    public const string SellerIdClaim = "seller_id";

    /// <summary>The user's token version when the token was issued; a token below the current version is revoked.</summary>
    public const string TokenVersionClaim = "ver";

    public const string SellerRole = "Seller";

    public const string OpsRole = "Ops";
}
