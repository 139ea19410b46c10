using Opside.Detection;

namespace Opside.Grains.Sellers;

/// <summary>What detection runs with for a seller: the policy of its connection's marketplace (US when not connected) and its settings.</summary>
public static class SellerDetection
{
    public static DetectionPolicy Policy(SellerSettingsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return DetectionPolicy.ForMarketplace(view.MarketplaceId ?? DetectionPolicy.UnitedStates.Marketplace);
    }

    public static SellerDetectionSettings Settings(SellerSettingsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new SellerDetectionSettings(ClaimDamageCodesHKU: view.Settings.ClaimDamageCodesHku);
    }
}
