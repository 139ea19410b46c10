using Opside.Grains.Amazon;
using Opside.Grains.Pipeline;
using Opside.Grains.Errors;

namespace Opside.Grains.Sellers;

[GrainType("seller")]
public sealed class SellerGrain(
    [PersistentState("seller")] IPersistentState<SellerState> state,
    TimeProvider time) : Grain, ISellerGrain
{
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
            throw new StateConflictException($"Seller {this.GetPrimaryKeyString()} already belongs to another user.");
        }

        return Profile();
    }

    public Task<SellerProfile?> GetProfileAsync() =>
        Task.FromResult(state.State.OwnerUserId is null ? null : Profile());

    public async Task ConnectAmazonAsync(AmazonConnection connection)
    {
        if (state.State.OwnerUserId is null)
            throw new ResourceNotFoundException($"Seller {this.GetPrimaryKeyString()} does not exist.");
        state.State.Amazon = connection;
        await state.WriteStateAsync();
        // A new connection starts the seller's periodic sync, and the first one now.
        await GrainFactory.GetGrain<ISellerPipelineGrain>(this.GetPrimaryKeyString()).ScheduleSyncAsync();
    }

    public Task<AmazonConnection?> GetAmazonConnectionForSyncAsync() => Task.FromResult(state.State.Amazon);

    public Task<AmazonConnectionStatus?> GetAmazonConnectionAsync() => Task.FromResult(state.State.Amazon?.Status());

    public Task<SellerSettingsView?> GetSettingsAsync() =>
        Task.FromResult(state.State.OwnerUserId is null ? null : SettingsView());

    public async Task<SellerSettingsView> UpdateSettingsAsync(SellerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (state.State.OwnerUserId is null)
            throw new ResourceNotFoundException($"Seller {this.GetPrimaryKeyString()} does not exist.");
        if (state.State.Settings != settings)
        {
            state.State.Settings = settings;
            await state.WriteStateAsync();
        }

        return SettingsView();
    }

    private SellerSettingsView SettingsView() =>
        new(state.State.Settings, state.State.Amazon?.MarketplaceIds.FirstOrDefault(m => !string.IsNullOrWhiteSpace(m)));

    private SellerProfile Profile() =>
        new(this.GetPrimaryKeyString(), state.State.CompanyName!, state.State.OwnerUserId!, state.State.CreatedAt);
}
