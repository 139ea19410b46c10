using Opside.Grains.Amazon;
using Opside.Grains.Scoring;

namespace Opside.Grains.Sellers;

[GenerateSerializer, Alias("opside.sellers.seller-state")]
public sealed class SellerState
{
    [Id(0)] public string? CompanyName { get; set; }
    [Id(1)] public string? OwnerUserId { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public AmazonConnection? Amazon { get; set; }

    /// <summary>Absent from state stored before settings existed: it reads as the defaults.</summary>
    [Id(4)] public SellerSettings Settings { get; set; } = SellerSettings.Default;

    /// <summary>Set when another seller's verified connection of the same partner replaced this seller's.</summary>
    [Id(5)] public AmazonDisconnection? Disconnection { get; set; }

    /// <summary>
    /// False for a connection stored before partners were registered (<see cref="Opside.Grains.Amazon.ISellingPartnerGrain"/>):
    /// the seller registers it when it next activates.
    /// </summary>
    [Id(6)] public bool PartnerRegistered { get; set; }

    /// <summary>Ops' filing cap and score threshold for this seller; absent (older state) reads as the defaults.</summary>
    [Id(7)] public FilingPolicy Filing { get; set; } = FilingPolicy.Default;
}
