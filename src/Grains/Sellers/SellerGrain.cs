using System.Security.Cryptography;
using Opside.Grains.Amazon;
using Opside.Grains.Pipeline;
using Opside.Grains.Scoring;
using Opside.Grains.Errors;
using Opside.Grains.Security;

namespace Opside.Grains.Sellers;

[GrainType("seller")]
public sealed class SellerGrain(
    [PersistentState("seller")] IPersistentState<SellerState> state,
    RefreshTokenProtector protector,
    TimeProvider time,
    ILogger<SellerGrain> logger) : Grain, ISellerGrain
{
    private string SellerId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Amazon is not { } amazon)
            return;
        var changed = false;
        // State written before the seller binding (or under a retired key) is bound to this seller now, once.
        if (protector.NeedsRotation(amazon.ProtectedRefreshToken))
        {
            try
            {
                state.State.Amazon = amazon = amazon with { ProtectedRefreshToken = protector.Reprotect(amazon.ProtectedRefreshToken, SellerId) };
                changed = true;
            }
            catch (CryptographicException ex)
            {
                // The sync says so in words when it cannot read the token; the seller reconnects.
                logger.LogWarning(ex, "The refresh token of seller {SellerId} could not be protected again", SellerId);
            }
        }

        if (!state.State.PartnerRegistered)
        {
            var claim = await Partner(amazon).ClaimAsync(SellerId, amazon.Verified);
            state.State.PartnerRegistered = claim.Granted;
            changed |= claim.Granted;
            if (!claim.Granted)
                logger.LogWarning(
                    "Seller {SellerId} was connected to selling partner {SellingPartnerId} ({Region}) before partners were registered, " +
                    "and another seller holds it now", SellerId, amazon.SellingPartnerId, amazon.Region);
        }

        if (changed)
            await state.WriteStateAsync(cancellationToken);
    }

    public async Task<SellerProfile> CreateAsync(string companyName, string ownerUserId)
    {
        if (state.State.OwnerUserId is null)
        {
            state.State.CompanyName = companyName;
            state.State.OwnerUserId = ownerUserId;
            state.State.CreatedAt = time.GetUtcNow();
            await state.WriteStateAsync();
        }
        else if (state.State.OwnerUserId != ownerUserId)
        {
            throw new StateConflictException($"Seller {SellerId} already belongs to another user.");
        }

        return Profile();
    }

    public Task<SellerProfile?> GetProfileAsync() =>
        Task.FromResult(state.State.OwnerUserId is null ? null : Profile());

    public async Task<AmazonConnectOutcome> ConnectAmazonAsync(AmazonConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        RequireExists();

        var claim = await Partner(connection).ClaimAsync(SellerId, connection.Verified);
        if (!claim.Granted)
            return AmazonConnectOutcome.PartnerTaken;
        if (claim.DisplacedSellerId is { } displaced)
            await GrainFactory.GetGrain<ISellerGrain>(displaced).DisconnectDisplacedAsync(connection.Region, connection.SellingPartnerId);

        // Moving to another partner frees the one held before.
        if (state.State.Amazon is { } previous && !previous.IsPartner(connection.Region, connection.SellingPartnerId))
            await Partner(previous).ReleaseAsync(SellerId);

        state.State.Amazon = connection;
        state.State.PartnerRegistered = true;
        state.State.Disconnection = null;
        await state.WriteStateAsync();
        // A new connection starts the seller's periodic sync, and the first one now.
        await GrainFactory.GetGrain<ISellerPipelineGrain>(SellerId).ScheduleSyncAsync();
        return AmazonConnectOutcome.Connected;
    }

    public async Task DisconnectDisplacedAsync(string region, string sellingPartnerId)
    {
        if (state.State.Amazon is not { } current || !current.IsPartner(region, sellingPartnerId))
            return;
        state.State.Amazon = null;
        state.State.PartnerRegistered = false;
        state.State.Disconnection = new AmazonDisconnection(sellingPartnerId, region, time.GetUtcNow(),
            "Amazon confirmed this selling partner for another Opside seller through Seller Central consent, which " +
            "replaces a self-authorised connection. Connect through Seller Central if the account is yours.");
        await state.WriteStateAsync();
        // The sync reminder ends itself when it finds no connection.
        logger.LogInformation("Seller {SellerId} was disconnected from selling partner {SellingPartnerId} ({Region}) by a verified connection elsewhere",
            SellerId, sellingPartnerId, region);
    }

    public Task<AmazonDisconnection?> GetAmazonDisconnectionAsync() => Task.FromResult(state.State.Disconnection);

    public Task<AmazonConnection?> GetAmazonConnectionForSyncAsync() => Task.FromResult(state.State.Amazon);

    public Task<AmazonConnectionStatus?> GetAmazonConnectionAsync() => Task.FromResult(state.State.Amazon?.Status());

    public Task<SellerSettingsView?> GetSettingsAsync() =>
        Task.FromResult(state.State.OwnerUserId is null ? null : SettingsView());

    public async Task<SellerSettingsView> UpdateSettingsAsync(SellerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RequireExists();
        if (state.State.Settings != settings)
        {
            state.State.Settings = settings;
            await state.WriteStateAsync();
        }

        return SettingsView();
    }

    public Task<FilingPolicy?> GetFilingPolicyAsync() =>
        Task.FromResult(state.State.OwnerUserId is null ? null : state.State.Filing);

    public async Task<FilingPolicy> UpdateFilingPolicyAsync(FilingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RequireExists();
        if (state.State.Filing != policy)
        {
            state.State.Filing = policy;
            await state.WriteStateAsync();
        }

        return policy;
    }

    private void RequireExists()
    {
        if (state.State.OwnerUserId is null)
            throw new ResourceNotFoundException($"Seller {SellerId} does not exist.");
    }

    private SellerSettingsView SettingsView() =>
        new(state.State.Settings, state.State.Amazon?.MarketplaceIds.FirstOrDefault(m => !string.IsNullOrWhiteSpace(m)));

    private ISellingPartnerGrain Partner(AmazonConnection connection) =>
        GrainFactory.GetGrain<ISellingPartnerGrain>(ISellingPartnerGrain.Key(connection.Region, connection.SellingPartnerId));

    private SellerProfile Profile() =>
        new(SellerId, state.State.CompanyName!, state.State.OwnerUserId!, state.State.CreatedAt);
}
